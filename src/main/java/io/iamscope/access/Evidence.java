package io.iamscope.access;

import io.iamscope.eval.Constraint;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.StatementRef;
import java.util.List;

/**
 * One authorization check behind an edge: the action on the resource, the decision, the condition under
 * which it holds (TRUE when definite), and the statements that grant it.
 */
public record Evidence(String action, String resource, Outcome outcome, Constraint condition,
                       List<StatementRef> grantedBy) {
    public Evidence {
        grantedBy = List.copyOf(grantedBy);
    }

    /** Allowed, definitely or under its condition. */
    public boolean allows() {
        return outcome == Outcome.ALLOW;
    }

    /** {@code iam:PassRole on `arn:...`: Allow if ...}, for one-line summaries. */
    public String summary() {
        return action + " on `" + resource + "`: " + outcome.name().toLowerCase(java.util.Locale.ROOT)
                + (conditional() ? " if " + condition : "");
    }

    public boolean conditional() {
        return condition != Constraint.TRUE;
    }
}
