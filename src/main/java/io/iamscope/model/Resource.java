package io.iamscope.model;

import io.iamscope.policy.PolicyDocument;
import java.util.Map;
import java.util.Objects;

/**
 * A resource with its resource-based policy (null when it has none). {@code tags} is null when they are unknown:
 * the record leaves them out (a collector that does not read them, a `--resources` file without them), which is
 * not the same as a resource with no tags. {@code properties} holds other attributes as the service returned
 * them (maps, lists, strings, numbers, booleans).
 */
public record Resource(String arn, String type, String region, PolicyDocument policy, String roleArn,
                       String instanceProfileArn, Map<String, String> tags, Map<String, Object> properties) {

    public Resource {
        Objects.requireNonNull(arn, "arn");
        tags = tags == null ? null : Map.copyOf(tags);
        properties = Map.copyOf(properties);
    }
}
