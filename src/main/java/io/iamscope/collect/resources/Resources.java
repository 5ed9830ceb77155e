package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Builds resource records in the snapshot's shape. */
final class Resources {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Resources() {
    }

    /**
     * A record with its policy as the API returned it (JSON text, possibly URL-encoded; readers decode),
     * or JSON null when the resource has none.
     */
    static ObjectNode record(String arn, String type, String region, String policy) {
        ObjectNode r = NODES.objectNode();
        r.put("arn", arn);
        r.put("type", type);
        if (region != null) {
            r.put("region", region);
        }
        if (policy == null) {
            r.putNull("policy");
        } else {
            r.put("policy", policy);
        }
        return r;
    }

    /** A record whose policy could not be read: the field is left out, which means unknown, not none. */
    static ObjectNode recordWithoutPolicy(String arn, String type, String region) {
        ObjectNode r = record(arn, type, region, null);
        r.remove("policy");
        return r;
    }

    /**
     * The tags the API returned, an empty object for none. A collector that does not read a resource's tags
     * leaves the field out: readers take that as unknown ({@code aws:ResourceTag} conditions are then
     * conditional), not as no tags.
     */
    static void tags(ObjectNode record, Map<String, String> tags) {
        ObjectNode t = record.putObject("tags");
        tags.forEach(t::put);
    }

    static ObjectNode properties(ObjectNode record) {
        return record.has("properties") ? (ObjectNode) record.get("properties") : record.putObject("properties");
    }
}
