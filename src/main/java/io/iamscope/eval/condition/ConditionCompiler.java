package io.iamscope.eval.condition;

import io.iamscope.eval.Truth;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.condition.ConditionClause;
import java.util.List;

/** Placeholder until the operator families land: StringEquals on known keys only, UNKNOWN otherwise. */
public final class ConditionCompiler {
    private ConditionCompiler() {
    }

    public static ConditionTest compile(ConditionClause clause, boolean substituteVariables,
                                        List<Diagnostic> diagnostics) {
        return context -> {
            List<String> v = context.values(clause.key());
            if (context.isUnknown(clause.key())) {
                return Truth.UNKNOWN;
            }
            return Truth.of(v != null && v.stream().anyMatch(clause.values()::contains));
        };
    }
}
