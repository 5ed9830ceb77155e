package io.iamscope.policy;

import io.iamscope.policy.SourceLocation;
import java.util.List;

/**
 * One (operator, key, values) triple of a {@code Condition} block. The values of one clause are ORed; the
 * clauses of a statement are ANDed. {@code key} keeps its written case; keys compare case-insensitively.
 */
public record ConditionClause(ConditionOperator operator, String key, List<String> values,
                              SourceLocation location) {

    public ConditionClause {
        values = List.copyOf(values);
    }

    @Override
    public String toString() {
        return operator.written() + " " + key + " " + values;
    }
}
