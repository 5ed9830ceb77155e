package io.iamscope.policytest;

import io.iamscope.eval.Decision;
import io.iamscope.eval.MatchedStatement;
import io.iamscope.eval.Outcome;
import java.util.stream.Collectors;

/** Short one-line renderings of a decision, for failing-case messages. */
public final class DecisionText {
    private DecisionText() {
    }

    /** {@code Allow if Bool aws:MultiFactorAuthPresent [true] (else ImplicitDeny)}, plus what applied. */
    public static String summary(Decision d) {
        StringBuilder sb = new StringBuilder(d.outcome().word());
        if (d.isConditional()) {
            sb.append(" if ").append(d.condition()).append(" (else ").append(d.otherwise().word()).append(')');
        }
        if (d.rule() != null) {
            // A service's rule decided (or constrains) the request: name it, not a statement it overrode.
            sb.append(" by AWS rule ").append(d.rule().describe());
            return errors(d, sb);
        }
        String deciding = d.statements().stream()
                .filter(s -> (d.outcome() == Outcome.ALLOW) == (s.ref().effect() == io.iamscope.policy.Effect.ALLOW))
                .map(MatchedStatement::ref)
                .map(r -> r.describe())
                .collect(Collectors.joining("; "));
        if (!deciding.isEmpty()) {
            sb.append(" by ").append(deciding);
        } else if (d.outcome() == Outcome.IMPLICIT_DENY) {
            sb.append(": no applicable Allow");
        }
        return errors(d, sb);
    }

    private static String errors(Decision d, StringBuilder sb) {
        if (!d.errors().isEmpty()) {
            sb.append(" [").append(d.errors().size()).append(" policy error(s): ").append(d.errors().get(0))
                    .append(']');
        }
        return sb.toString();
    }
}
