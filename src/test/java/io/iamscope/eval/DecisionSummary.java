package io.iamscope.eval;

import java.util.Set;
import java.util.TreeSet;

/**
 * What two engines must agree on: the outcome, whether it is conditional, the unknown keys it depends on
 * (compared case-insensitively, as AWS compares key names) and the outcome when the condition fails.
 */
record DecisionSummary(Outcome outcome, boolean conditional, Set<String> keys, Outcome otherwise) {

    static DecisionSummary of(Decision d) {
        Set<String> keys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        keys.addAll(d.conditionalKeys());
        return new DecisionSummary(d.outcome(), d.isConditional(), keys, d.otherwise());
    }

    @Override
    public String toString() {
        return outcome.word() + (conditional ? " if " + keys + " else " + otherwise.word() : "");
    }
}
