package io.iamscope.analysis.review;

import io.iamscope.analysis.findings.Category;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.Severity;
import io.iamscope.analysis.findings.Suppressions.Suppressed;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A review of a snapshot: every finding still reported (most urgent first), those suppressions set apart, and
 * what the review could not cover.
 *
 * @param profile    the attacker profile's name, for the paths' conditions
 * @param accounts   the accounts reviewed, {@code acme-dev (333333333333)}
 * @param principals users, groups and roles reviewed
 * @param warnings   problems with the inputs (a suppression that matches nothing, a credential report row of
 *                   an unknown user)
 * @param notes      what the review could not cover, and why
 */
public record Review(String profile, Instant asOf, List<String> accounts, String organization, int principals,
                     int resources, List<Finding> findings, List<Suppressed> suppressed, List<String> warnings,
                     List<String> notes) {
    public Review {
        accounts = List.copyOf(accounts);
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** How many findings of each severity, most urgent first (every severity listed). */
    public Map<Severity, Integer> bySeverity() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0);
        }
        findings.forEach(f -> out.merge(f.severity(), 1, Integer::sum));
        return out;
    }

    /** How many findings of each category, in the categories' order (those with none left out). */
    public Map<Category, Integer> byCategory() {
        Map<Category, Integer> out = new EnumMap<>(Category.class);
        findings.forEach(f -> out.merge(f.category(), 1, Integer::sum));
        return out;
    }

    /** Whether a finding at or above the severity remains (suppressed ones do not count). */
    public boolean hasAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
