package io.iamscope.analysis.findings;

import java.util.List;

/**
 * A principal a finding is about besides its subject: one that can escalate through the statement, one that
 * can stop logging, one of the other account reached; with its own path when it has one.
 *
 * @param conditionKeys the unknown keys its part depends on, empty when definite
 */
public record Affected(String arn, boolean conditional, List<String> conditionKeys, List<PathStep> path) {
    public Affected {
        conditionKeys = List.copyOf(conditionKeys);
        path = List.copyOf(path);
    }

    public static Affected of(String arn) {
        return new Affected(arn, false, List.of(), List.of());
    }
}
