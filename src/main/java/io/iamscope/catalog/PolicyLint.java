package io.iamscope.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the names in a policy document against the catalog: actions and services in {@code Action} and
 * {@code NotAction}, condition keys in {@code Condition}. It walks the JSON itself so that it can point at the
 * exact value; shape errors are the policy parser's business and are skipped here.
 */
public final class PolicyLint {
    private final Catalog catalog;

    public PolicyLint(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The findings for {@code policy}, in document order. */
    public List<LintFinding> lint(JsonNode policy) {
        List<LintFinding> findings = new ArrayList<>();
        JsonNode statements = policy.path("Statement");
        if (statements.isArray()) {
            for (int i = 0; i < statements.size(); i++) {
                statement(statements.get(i), "/Statement/" + i, findings);
            }
        } else if (statements.isObject()) {
            statement(statements, "/Statement", findings);
        }
        return findings;
    }

    private void statement(JsonNode statement, String at, List<LintFinding> findings) {
        for (String element : List.of("Action", "NotAction")) {
            JsonNode actions = statement.get(element);
            if (actions == null) {
                continue;
            }
            if (actions.isTextual()) {
                action(actions.asText(), at + "/" + element, findings);
            } else if (actions.isArray()) {
                for (int i = 0; i < actions.size(); i++) {
                    if (actions.get(i).isTextual()) {
                        action(actions.get(i).asText(), at + "/" + element + "/" + i, findings);
                    }
                }
            }
        }
        JsonNode condition = statement.get("Condition");
        if (condition != null && condition.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getValue().isObject()) {
                    continue;
                }
                String opAt = at + "/Condition/" + escape(op.getKey());
                for (Iterator<String> keys = op.getValue().fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (!catalog.isKnownConditionKey(key)) {
                        findings.add(new LintFinding("UNKNOWN_CONDITION_KEY", opAt + "/" + escape(key),
                                "unknown condition key `" + key + "`"));
                    }
                }
            }
        }
    }

    private void action(String pattern, String at, List<LintFinding> findings) {
        if (pattern.equals("*")) {
            return;
        }
        int colon = pattern.indexOf(':');
        if (colon <= 0) {
            findings.add(new LintFinding("MALFORMED_ACTION", at,
                    "action `" + pattern + "` is not of the form `service:action`"));
            return;
        }
        String service = pattern.substring(0, colon);
        if (catalog.expand(service + ":*").isEmpty() && catalog.service(service).isEmpty()) {
            findings.add(new LintFinding("UNKNOWN_SERVICE", at,
                    "unknown service `" + service + "` in action `" + pattern + "`"));
            return;
        }
        if (catalog.expand(pattern).isEmpty()) {
            findings.add(new LintFinding("UNKNOWN_ACTION", at, "unknown action `" + pattern + "`"
                    + suggestion(service, pattern.substring(colon + 1))));
        }
    }

    /** A close spelling in the same service, when the action part has no wildcard and one is near. */
    private String suggestion(String service, String name) {
        if (name.contains("*") || name.contains("?")) {
            return "";
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        Action best = null;
        int bestDistance = Math.max(2, wanted.length() / 4) + 1;
        for (Service s : catalog.services()) {
            if (!s.prefix().equalsIgnoreCase(service)) {
                continue;
            }
            for (Action a : s.actions()) {
                int d = distance(wanted, a.name().toLowerCase(Locale.ROOT), bestDistance);
                if (d < bestDistance) {
                    best = a;
                    bestDistance = d;
                }
            }
        }
        return best == null ? "" : ": did you mean `" + best.fullName() + "`";
    }

    /** Levenshtein distance, giving up at {@code limit}. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** JSON pointer escaping (RFC 6901): {@code ~} then {@code /}. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
