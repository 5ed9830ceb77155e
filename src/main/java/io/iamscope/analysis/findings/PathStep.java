package io.iamscope.analysis.findings;

import java.util.List;

/**
 * One hop of a path between principals: {@code from} can act as {@code to}.
 *
 * @param kind          {@code assume}, {@code escalate} or {@code member}
 * @param technique     the technique's id ({@code iam-create-access-key}, {@code assume-role}, {@code member})
 * @param conditionKeys the unknown keys the hop depends on, empty when definite
 * @param checks        the engine decisions behind it, in order
 */
public record PathStep(String from, String to, String kind, String technique, boolean conditional,
                       List<String> conditionKeys, List<Check> checks) {
    public PathStep {
        conditionKeys = List.copyOf(conditionKeys);
        checks = List.copyOf(checks);
    }
}
