package io.iamscope.analysis.lint;

import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.Action;
import io.iamscope.catalog.Service;
import io.iamscope.policy.PatternList;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.Statement;
import io.iamscope.policy.ConditionClause;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks the names in a parsed policy document against the catalog: actions and services in {@code Action} and
 * {@code NotAction}, condition keys in {@code Condition}. Each finding points at the value or key as written,
 * through the locations the parser keeps; shape errors are the parser's business.
 */
public final class PolicyLint {
    private final Catalog catalog;

    public PolicyLint(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The findings for {@code policy}, in document order. */
    public List<LintFinding> lint(PolicyDocument policy) {
        List<LintFinding> findings = new ArrayList<>();
        for (Statement statement : policy.statements()) {
            PatternList actions = statement.action();
            for (int i = 0; i < actions.patterns().size(); i++) {
                action(actions.patterns().get(i), actions.locationOf(i).pointer(), findings);
            }
            for (ConditionClause clause : statement.conditions()) {
                if (!catalog.isKnownConditionKey(clause.key())) {
                    findings.add(new LintFinding("UNKNOWN_CONDITION_KEY", clause.location().pointer(),
                            "unknown condition key `" + clause.key() + "`"));
                }
            }
        }
        return findings;
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
}
