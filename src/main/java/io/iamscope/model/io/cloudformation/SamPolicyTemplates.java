package io.iamscope.model.io.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The AWS SAM policy templates iamscope knows (sam-policy-templates.json beside this class, which cites the SAM
 * Developer Guide's "AWS SAM policy template table"): for a template's name and the parameters a function gives
 * it, the policy document SAM puts in the function's role, with each resource an {@code Fn::Sub} of the template's
 * pattern over the given parameters (which may themselves be intrinsics: {@code BucketName: !Ref Bucket}).
 */
final class SamPolicyTemplates {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonNode TEMPLATES = load();

    private SamPolicyTemplates() {
    }

    /** The document, or null when the template is not one of those known. */
    static JsonNode document(String name, JsonNode given) {
        JsonNode template = name.startsWith("_") ? null : TEMPLATES.get(name);
        if (template == null) {
            return null;
        }
        ObjectNode variables = F.objectNode();
        for (JsonNode parameter : template.path("parameters")) {
            JsonNode value = given == null ? null : given.get(parameter.asText());
            // A parameter not given: SAM refuses the template; here it never resolves (conditional, named).
            variables.set(parameter.asText(), value != null ? value
                    : F.objectNode().put("Fn::Transform", "SAM policy template " + name + " without "
                    + parameter.asText()));
        }
        ObjectNode doc = F.objectNode().put("Version", "2012-10-17");
        ArrayNode statements = doc.putArray("Statement");
        for (JsonNode s : template.path("statements")) {
            ObjectNode statement = statements.addObject().put("Effect", "Allow");
            statement.set("Action", s.path("actions").deepCopy());
            ArrayNode resources = statement.putArray("Resource");
            for (JsonNode r : s.path("resources")) {
                resources.add(r.asText().equals("*") ? r
                        : F.objectNode().set("Fn::Sub", F.arrayNode().add(r.asText()).add(variables)));
            }
        }
        return doc;
    }

    private static JsonNode load() {
        try (InputStream in = SamPolicyTemplates.class.getResourceAsStream("sam-policy-templates.json")) {
            if (in == null) {
                throw new IllegalStateException("sam-policy-templates.json is missing from the build");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
