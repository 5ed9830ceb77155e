package io.iamscope.analysis.blast;

import java.util.List;

/**
 * A reachable principal that can perform an action on a resource.
 *
 * @param conditional   whether that holds only under unknown keys, of the decision or of the path to the principal
 * @param conditionKeys the unknown keys it depends on
 * @param statement     the first allowing statement, for a reader: {@code policy `x` statement `Sid` (#2)}
 */
public record Grantor(String principal, boolean conditional, List<String> conditionKeys, String statement) {
    public Grantor {
        conditionKeys = List.copyOf(conditionKeys);
    }
}
