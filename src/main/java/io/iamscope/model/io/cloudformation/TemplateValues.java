package io.iamscope.model.io.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.InlinePolicy;
import io.iamscope.model.io.SnapshotException;
import io.iamscope.model.io.cloudformation.Intrinsics.Unresolved;
import io.iamscope.model.io.planned.IamApplier;
import io.iamscope.model.io.planned.UnknownDocument;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.parse.PolicyParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the properties of a template's resources as the overlays need them: resolved through the intrinsic
 * functions, with what does not resolve a warning naming the logical id (a name, an ARN) or a document that may
 * grant anything, conditional on {@code cloudformation:LOGICALID.PROPERTY}.
 */
final class TemplateValues {
    private final CloudFormationTemplate template;
    private final Intrinsics intrinsics;
    private final IamApplier to;

    TemplateValues(CloudFormationTemplate template, Intrinsics intrinsics, IamApplier to) {
        this.template = template;
        this.intrinsics = intrinsics;
        this.to = to;
    }

    Intrinsics intrinsics() {
        return intrinsics;
    }

    String type(String id) {
        return template.resources().path(id).path("Type").asText();
    }

    JsonNode properties(String id) {
        return template.resources().path(id).path("Properties");
    }

    String where(String id) {
        return template.file() + " " + id;
    }

    String pointer(String id, String property) {
        return "/Resources/" + id + "/Properties/" + property;
    }

    interface Value {
        String get();
    }

    String resolved(String id, Value value, String what) {
        try {
            return value.get();
        } catch (Unresolved e) {
            to.warn(where(id) + ": " + what + " does not resolve (" + e.getMessage() + "): not applied (what it"
                    + " grants is not counted)");
            return null;
        }
    }

    String name(String id) {
        return resolved(id, () -> intrinsics.physicalName(id), "its name");
    }

    String path(String id) {
        String path = optional(id, "Path");
        return path == null ? "/" : path;
    }

    /** The property as a string, or null when absent or unresolved (with a warning). */
    String optional(String id, String property) {
        JsonNode v = properties(id).get(property);
        if (v == null) {
            return null;
        }
        return resolved(id, () -> intrinsics.string(v), property);
    }

    /** A list of strings; an element that does not resolve is left out with a warning. */
    List<String> strings(String id, String property) {
        List<String> out = new ArrayList<>();
        JsonNode v = properties(id).get(property);
        if (v == null) {
            return out;
        }
        JsonNode list;
        try {
            list = intrinsics.resolve(v);
        } catch (Unresolved e) {
            list = v.isArray() ? v : null;
        }
        if (list == null || !list.isArray()) {
            to.warn(where(id) + ": " + property + " does not resolve: not applied (what it grants is not counted)");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode x = list.get(i);
            String s = resolved(id, () -> intrinsics.string(x), property + "[" + i + "]");
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    Map<String, String> tags(String id) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode t : properties(id).path("Tags")) {
            try {
                tags.put(intrinsics.string(t.path("Key")), intrinsics.string(t.path("Value")));
            } catch (Unresolved e) {
                // a tag whose value is unknown cannot match a condition on it: leaving it out is what AWS sees
                // when the tag is absent, and a tag never grants by itself
            }
        }
        return tags;
    }

    void inlinePolicies(String id, List<InlinePolicy> inline) {
        JsonNode policies = properties(id).path("Policies");
        for (int i = 0; i < policies.size(); i++) {
            String property = "Policies/" + i;
            JsonNode p = policies.get(i);
            String policyName;
            try {
                policyName = intrinsics.string(p.path("PolicyName"));
            } catch (Unresolved e) {
                policyName = id + ".Policies." + i;
            }
            String finalName = policyName;
            inline.removeIf(x -> x.name().equals(finalName));
            inline.add(new InlinePolicy(policyName, document(id, p.path("PolicyDocument"),
                    property + "/PolicyDocument", UnknownDocument.IDENTITY)));
        }
    }

    PolicyDocument document(String id, String property, UnknownDocument kind) {
        return document(id, properties(id).get(property), property, kind);
    }

    /** The document the property holds; one that does not resolve stands for anything, on a named unknown key. */
    PolicyDocument document(String id, JsonNode value, String property, UnknownDocument kind) {
        if (value == null || value.isMissingNode()) {
            return kind != UnknownDocument.IDENTITY ? null
                    : parse("{\"Version\":\"2012-10-17\",\"Statement\":[]}", id, property);
        }
        try {
            JsonNode resolved = intrinsics.resolve(value);
            return parse(resolved.isTextual() ? resolved.asText() : resolved.toString(), id, property);
        } catch (Unresolved e) {
            String key = "cloudformation:" + id + "." + property.replace('/', '.');
            to.unknownKey(key);
            to.warn(where(id) + ": " + property + " does not resolve (" + e.getMessage() + "): counted as anything,"
                    + " conditional on " + key);
            return parse(kind.json(key, "known once deployed"), id, property);
        }
    }

    PolicyDocument parse(String text, String id, String property) {
        String where = template.file() + " at " + pointer(id, property) + " (" + id + ")";
        try {
            return PolicyParser.parse(text, where);
        } catch (PolicyParseException e) {
            throw new SnapshotException(e.code(), id + "." + property + ": " + e.getMessage(),
                    new SourceLocation(template.file().toString(), pointer(id, property)));
        }
    }
}
