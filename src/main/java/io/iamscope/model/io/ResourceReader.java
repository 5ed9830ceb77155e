package io.iamscope.model.io;

import static io.iamscope.model.io.JsonInput.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.Resource;
import io.iamscope.policy.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one resource record ({@code accounts[].resources[]}, or an element of a {@code --resources} file). */
final class ResourceReader {
    private ResourceReader() {
    }

    @SuppressWarnings("unchecked")
    static Resource read(JsonNode r, SourceLocation at) {
        if (r == null || !r.isObject()) {
            throw new SnapshotException("RESOURCE_NOT_OBJECT", "a resource record must be a JSON object", at);
        }
        String arn = JsonInput.required(r, "arn", at);
        if (!arn.startsWith("arn:")) {
            throw new SnapshotException("RESOURCE_INVALID_ARN", "`" + arn + "` is not an ARN", at.child("arn"));
        }
        JsonNode props = r.get("properties");
        Map<String, Object> properties = props == null || props.isNull() ? new LinkedHashMap<>()
                : JsonInput.MAPPER.convertValue(props, LinkedHashMap.class);
        properties.values().removeIf(v -> v == null);
        return new Resource(arn, text(r, "type"), text(r, "region"), Policies.parse(r.get("policy"), at.child("policy")),
                text(r, "roleArn"), text(r, "instanceProfileArn"),
                r.hasNonNull("tags") ? JsonInput.tags(r.get("tags")) : null, properties);
    }
}
