package io.iamscope.model.io.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.model.io.SnapshotException;
import io.iamscope.policy.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code terraform show -json PLANFILE} (Terraform's "JSON Output Format"): the managed resources it
 * changes, with the configuration's references. A {@code format_version} of another major version than 1 is
 * refused, as the format's own rule says ("Reject any input which reports an unsupported major version"); unknown
 * fields are ignored (minor versions only add).
 *
 * @param region the default AWS provider's region when the configuration gives it as a constant, or null
 */
public record TerraformPlan(Path file, List<PlannedResource> resources, String region) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public TerraformPlan {
        resources = List.copyOf(resources);
    }

    public static TerraformPlan read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SnapshotException("PLAN_MALFORMED_JSON", "not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", SourceLocation.of(file.toString()));
        } catch (IOException e) {
            throw new SnapshotException("PLAN_UNREADABLE", "cannot read: " + e.getMessage(),
                    SourceLocation.of(file.toString()));
        }
        SourceLocation at = SourceLocation.of(file.toString());
        if (root == null || !root.isObject()) {
            throw new SnapshotException("PLAN_NOT_OBJECT", "a Terraform plan's JSON is an object", at);
        }
        JsonNode version = root.get("format_version");
        if (version == null || !version.isTextual()) {
            throw new SnapshotException("PLAN_NO_FORMAT_VERSION", "no `format_version`: not the output of"
                    + " `terraform show -json PLANFILE`", at.child("format_version"));
        }
        if (!version.asText().startsWith("1.") && !version.asText().equals("1")
                && !version.asText().startsWith("0.")) {
            throw new SnapshotException("PLAN_UNSUPPORTED_VERSION", "format_version `" + version.asText()
                    + "` is not supported (1.x is)", at.child("format_version"));
        }
        JsonNode changes = root.get("resource_changes");
        if (changes != null && !changes.isArray()) {
            throw new SnapshotException("PLAN_MALFORMED", "`resource_changes` must be an array",
                    at.child("resource_changes"));
        }
        Map<String, Map<String, List<String>>> references = references(root.path("configuration")
                .path("root_module"), "");
        List<PlannedResource> out = new ArrayList<>();
        for (int i = 0; changes != null && i < changes.size(); i++) {
            JsonNode c = changes.get(i);
            SourceLocation where = at.child("resource_changes").child(i);
            if (!"managed".equals(c.path("mode").asText("managed"))) {
                continue;
            }
            String address = text(c, "address", where);
            String type = text(c, "type", where);
            JsonNode change = c.get("change");
            if (change == null || !change.isObject() || !change.path("actions").isArray()) {
                throw new SnapshotException("PLAN_MALFORMED", "a resource change needs `change.actions`",
                        where.child("change"));
            }
            List<String> actions = new ArrayList<>();
            change.get("actions").forEach(a -> actions.add(a.asText()));
            String configAddress = address.replaceAll("\\[[^\\]]*\\]", "");
            out.add(new PlannedResource(address, type, actions, change.get("before"), change.get("after"),
                    change.get("after_unknown"), where.pointer(), references.getOrDefault(configAddress, Map.of())));
        }
        // The default AWS provider's region when the configuration writes it as a constant; null otherwise.
        String region = root.path("configuration").path("provider_config").path("aws").path("expressions")
                .path("region").path("constant_value").asText(null);
        return new TerraformPlan(file, out, region);
    }

    private static String text(JsonNode node, String field, SourceLocation at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new SnapshotException("PLAN_MALFORMED", "a resource change needs `" + field + "`", at.child(field));
        }
        return v.asText();
    }

    /**
     * Per resource address of the configuration, per attribute, the resource addresses its expression refers to
     * ({@code aws_iam_role.ci.name} and {@code aws_iam_role.ci} both give {@code aws_iam_role.ci}); child modules'
     * resources under {@code module.NAME.}.
     */
    private static Map<String, Map<String, List<String>>> references(JsonNode module, String prefix) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (JsonNode r : module.path("resources")) {
            Map<String, List<String>> attributes = new LinkedHashMap<>();
            r.path("expressions").fields().forEachRemaining(e -> {
                List<String> refs = new ArrayList<>();
                e.getValue().path("references").forEach(ref -> {
                    String a = ref.asText();
                    String[] parts = a.split("\\.");
                    if (parts.length >= 2 && !a.startsWith("var.") && !a.startsWith("local.")
                            && !a.startsWith("data.")) {
                        String resource = prefix + parts[0] + "." + parts[1].replaceAll("\\[[^\\]]*\\]", "");
                        if (!refs.contains(resource)) {
                            refs.add(resource);
                        }
                    }
                });
                attributes.put(e.getKey(), refs);
            });
            out.put(prefix + r.path("address").asText(), attributes);
        }
        module.path("module_calls").fields().forEachRemaining(call -> out.putAll(references(
                call.getValue().path("module"), prefix + "module." + call.getKey() + ".")));
        return out;
    }
}
