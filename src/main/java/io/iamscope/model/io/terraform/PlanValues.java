package io.iamscope.model.io.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.io.SnapshotException;
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
 * Reads the values of a plan's resources as the overlays need them: a value the plan leaves unknown resolved
 * through the configuration's references to the planned resource it names, and a policy document the plan leaves
 * unknown turned into one that may grant anything, conditional on a key named after the attribute.
 */
final class PlanValues {
    private final TerraformPlan plan;
    private final IamApplier to;
    private final String account;
    private final Map<String, PlannedResource> byAddress = new LinkedHashMap<>();

    PlanValues(TerraformPlan plan, IamApplier to) {
        this.plan = plan;
        this.to = to;
        this.account = to.accountId();
        plan.resources().forEach(r -> byAddress.put(r.address(), r));
    }

    /**
     * The attribute's value; when the plan leaves it unknown, the {@code field} of the planned resource of
     * {@code type} its expression refers to; null (with a warning) when neither says.
     */
    String resolved(PlannedResource r, String attribute, String type, String field) {
        String v = r.text(attribute);
        if (v != null) {
            return v;
        }
        PlannedResource target = referred(r, attribute, type);
        if (target != null) {
            String name = "aws_iam_policy".equals(type) ? policyArn(target) : target.text(field);
            if (name != null) {
                return name;
            }
        }
        to.warn(r.address() + ": `" + attribute + "` is unknown until apply and refers to no planned " + type
                + " whose " + field + " is known: not applied (what it grants is not counted)");
        return null;
    }

    /** The planned resource of {@code type} the attribute's expression refers to, or null. */
    PlannedResource referred(PlannedResource r, String attribute, String type) {
        for (String ref : r.references().getOrDefault(attribute, List.of())) {
            PlannedResource target = byAddress.get(ref);
            if (target == null) {
                target = byAddress.values().stream().filter(x -> x.address().startsWith(ref + "[")).findFirst()
                        .orElse(null);
            }
            if (target != null && target.type().equals(type)) {
                return target;
            }
        }
        return null;
    }

    String name(PlannedResource r) {
        String name = r.text("name");
        if (name == null) {
            to.warn(r.address() + ": its name is unknown until apply (a name_prefix?): not applied");
        }
        return name;
    }

    String policyArn(PlannedResource r) {
        String arn = r.text("arn");
        if (arn != null) {
            return arn;
        }
        String name = r.text("name");
        if (name == null) {
            to.warn(r.address() + ": its name is unknown until apply: not applied");
            return null;
        }
        return "arn:aws:iam::" + account + ":policy" + pathOf(r) + name;
    }

    static String pathOf(PlannedResource r) {
        String path = r.text("path");
        return path == null ? "/" : path;
    }

    static Map<String, String> tags(PlannedResource r) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode t = r.after() == null ? null : r.after().get("tags");
        if (t != null && t.isObject()) {
            t.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        }
        return tags;
    }

    static List<String> strings(PlannedResource r, String attribute) {
        List<String> out = new ArrayList<>();
        JsonNode values = r.deleted() ? r.before() : r.after();
        JsonNode v = values == null ? null : values.get(attribute);
        if (v != null && v.isArray()) {
            v.forEach(x -> {
                if (x.isTextual()) {
                    out.add(x.asText());
                }
            });
        }
        return out;
    }

    /**
     * The document the attribute holds; an unknown one stands for what it could hold at most, conditional on a
     * named key; an absent one is null for a trust policy or a resource policy, and empty for an identity policy.
     */
    PolicyDocument document(PlannedResource r, String attribute, UnknownDocument kind) {
        String text = r.text(attribute);
        if (text != null && !text.isEmpty()) {
            return parse(text, r, attribute);
        }
        if (!r.unknown(attribute)) {
            return kind == UnknownDocument.IDENTITY
                    ? parse("{\"Version\":\"2012-10-17\",\"Statement\":[]}", r, attribute) : null;
        }
        String key = "terraform:" + r.address() + "." + attribute;
        to.unknownKey(key);
        return parse(kind.json(key, "known after apply"), r, attribute);
    }

    PolicyDocument parse(String text, PlannedResource r, String attribute) {
        String where = plan.file() + " at " + r.pointer() + "/change/after/" + attribute + " (" + r.address() + ")";
        try {
            return PolicyParser.parse(text, where);
        } catch (PolicyParseException e) {
            throw new SnapshotException(e.code(), r.address() + "." + attribute + ": " + e.getMessage(),
                    new SourceLocation(plan.file().toString(), r.pointer() + "/change/after/" + attribute));
        }
    }
}
