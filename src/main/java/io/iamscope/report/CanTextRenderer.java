package io.iamscope.report;

import io.iamscope.eval.Decision;
import io.iamscope.eval.MatchedStatement;
import io.iamscope.eval.Request;
import io.iamscope.access.Gathered;
import java.io.PrintWriter;

/**
 * Renders the answer of {@code iamscope can} for a reader: the decision (and the condition it depends on),
 * then each layer in AWS's evaluation order with the statements that applied, then what the snapshot could
 * not say.
 */
public final class CanTextRenderer {
    private CanTextRenderer() {
    }

    public static void render(Gathered g, Decision d, PrintWriter out) {
        Request r = g.request();
        StringBuilder head = new StringBuilder(d.outcome().word());
        if (d.isConditional()) {
            head.append(" conditional on ").append(d.condition()).append(" (otherwise ")
                    .append(d.otherwise().word()).append(')');
        }
        out.println(head);
        boolean session = !r.caller().arn().equals(g.principal().arn());
        out.println("  principal: " + Describe.principal(g.principal())
                + (session ? " acting as `" + r.caller().arn() + "`" : ""));
        out.println("  request:   `" + r.action() + "` on `" + r.resource() + "`"
                + (r.resourceAccount() == null ? "" : " (account " + r.resourceAccount() + ")"));
        if (d.isConditional()) {
            out.println("  unknown keys: " + String.join(", ", d.conditionalKeys()));
        }
        if (d.rule() != null) {
            out.println((d.isConditional() ? "  depends on a rule AWS applies outside the policies: "
                    : "  decided by AWS, not by a policy: ") + d.rule().describe() + " (" + d.rule().source() + ")");
        }
        out.println("layers, in AWS's evaluation order:");
        for (LayerRow row : LayerRow.of(g, d)) {
            out.println("  " + row.name() + ": " + row.verdict() + (row.when() == null ? "" : " if " + row.when()));
            for (MatchedStatement s : row.statements()) {
                out.println("    " + s.ref().effect().name().toLowerCase(java.util.Locale.ROOT) + " by "
                        + s.ref().policy() + " statement " + Describe.statement(s.ref())
                        + (s.when() == io.iamscope.eval.Constraint.TRUE ? "" : " if " + s.when()));
            }
        }
        for (String note : g.notes()) {
            out.println("note: " + note);
        }
        d.errors().forEach(e -> out.println("policy error: " + e));
        out.flush();
    }
}
