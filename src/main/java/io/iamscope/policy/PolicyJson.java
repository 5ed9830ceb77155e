package io.iamscope.policy;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed policy document written back as JSON in one canonical form: elements in the grammar's order, every
 * list an array (a single string and a one-element array mean the same to IAM), principal types in a fixed order,
 * condition operators and keys in the order written. Two documents that differ only in those spellings give the
 * same JSON, so a JSON Patch between them shows what changed in meaning, not in layout.
 */
public final class PolicyJson {
    /** One provider: {@code Json.createObjectBuilder()} looks the provider up (ServiceLoader) on every call. */
    private static final jakarta.json.spi.JsonProvider PROVIDER = jakarta.json.spi.JsonProvider.provider();

    private PolicyJson() {
    }

    public static JsonObject of(PolicyDocument d) {
        JsonObjectBuilder doc = PROVIDER.createObjectBuilder();
        if (d.version() != null) {
            doc.add("Version", d.version());
        }
        if (d.id() != null) {
            doc.add("Id", d.id());
        }
        JsonArrayBuilder statements = PROVIDER.createArrayBuilder();
        d.statements().forEach(s -> statements.add(statement(s)));
        return doc.add("Statement", statements).build();
    }

    private static JsonObject statement(Statement s) {
        JsonObjectBuilder out = PROVIDER.createObjectBuilder();
        if (s.sid() != null) {
            out.add("Sid", s.sid());
        }
        out.add("Effect", s.effect().json());
        if (s.principal() != null) {
            out.add(s.principal().negated() ? "NotPrincipal" : "Principal", principal(s.principal()));
        }
        patterns(out, "Action", s.action());
        patterns(out, "Resource", s.resource());
        if (!s.conditions().isEmpty()) {
            Map<String, JsonObjectBuilder> byOperator = new LinkedHashMap<>();
            for (ConditionClause c : s.conditions()) {
                byOperator.computeIfAbsent(c.operator().written(), k -> PROVIDER.createObjectBuilder())
                        .add(c.key(), strings(c.values()));
            }
            JsonObjectBuilder condition = PROVIDER.createObjectBuilder();
            byOperator.forEach(condition::add);
            out.add("Condition", condition);
        }
        return out.build();
    }

    private static jakarta.json.JsonValue principal(PrincipalSpec p) {
        if (p.anyone() && p.values().isEmpty()) {
            return PROVIDER.createValue("*");
        }
        JsonObjectBuilder out = PROVIDER.createObjectBuilder();
        for (PrincipalType t : PrincipalType.values()) {
            if (p.values().containsKey(t)) {
                out.add(t.json(), strings(p.of(t)));
            }
        }
        return out.build();
    }

    private static void patterns(JsonObjectBuilder out, String element, PatternList list) {
        if (list != null) {
            out.add(list.negated() ? "Not" + element : element, strings(list.patterns()));
        }
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = PROVIDER.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }
}
