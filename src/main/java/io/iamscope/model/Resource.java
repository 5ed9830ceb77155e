package io.iamscope.model;

import io.iamscope.policy.PolicyDocument;
import java.util.Map;
import java.util.Objects;

/**
 * A resource with its resource-based policy (null when it has none). {@code properties} holds other
 * attributes as the service returned them (maps, lists, strings, numbers, booleans).
 */
public record Resource(String arn, String type, String region, PolicyDocument policy, String roleArn,
                       String instanceProfileArn, Map<String, String> tags, Map<String, Object> properties) {

    public Resource {
        Objects.requireNonNull(arn, "arn");
        tags = Map.copyOf(tags);
        properties = Map.copyOf(properties);
    }
}
