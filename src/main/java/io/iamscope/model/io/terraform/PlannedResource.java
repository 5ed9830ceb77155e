package io.iamscope.model.io.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One managed resource of a Terraform plan's {@code resource_changes} (Terraform's JSON Output Format, "Change
 * Representation"): its address, type, planned actions, the values after the change, which of them are unknown
 * until apply ({@code after_unknown}), and the configuration's references of each attribute (to resolve a value
 * unknown in the plan that names another resource of the same plan).
 *
 * @param actions    {@code create}, {@code update}, {@code delete}, {@code no-op}, {@code read}; a replacement is
 *                   {@code delete} and {@code create}
 * @param pointer    the JSON pointer of the change in the plan file
 * @param references per attribute, the addresses its expression refers to (without attribute suffix)
 */
public record PlannedResource(String address, String type, List<String> actions, JsonNode before, JsonNode after,
                              JsonNode afterUnknown, String pointer, Map<String, List<String>> references) {
    public PlannedResource {
        actions = List.copyOf(actions);
        references = Map.copyOf(references);
    }

    /** Whether the resource is gone after the change (a delete that is not a replacement). */
    public boolean deleted() {
        return actions.contains("delete") && !actions.contains("create");
    }

    /** Whether the plan changes it at all. */
    public boolean changes() {
        return actions.contains("create") || actions.contains("update") || actions.contains("delete");
    }

    /**
     * The attribute's value after the change (before it, for a resource deleted: what is removed), or null when
     * absent, null or unknown.
     */
    public String text(String attribute) {
        JsonNode values = deleted() ? before : after;
        JsonNode v = values == null ? null : values.get(attribute);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    /** Whether the plan leaves the attribute (or some part of it) unknown until apply. */
    public boolean unknown(String attribute) {
        JsonNode u = afterUnknown == null ? null : afterUnknown.get(attribute);
        return u != null && !(u.isBoolean() && !u.asBoolean());
    }
}
