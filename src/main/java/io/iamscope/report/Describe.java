package io.iamscope.report;

import io.iamscope.eval.StatementRef;
import io.iamscope.model.PrincipalRef;

/** Short phrases shared by the renderers. */
final class Describe {
    private Describe() {
    }

    /** {@code user `alice` (arn:...) via access key `AKIA...`}. */
    static String principal(PrincipalRef p) {
        String what = switch (p.kind()) {
            case USER -> "user `" + p.principal().name() + "`";
            case ROLE -> "role `" + p.principal().name() + "`";
            case ROOT -> "root user of account " + p.accountId();
        };
        return what + " (" + p.arn() + ")" + (p.via() == null ? "" : " via " + p.via());
    }

    /** {@code `Sid` (#0)} or {@code #0}. */
    static String statement(StatementRef ref) {
        return ref.sid() != null && !ref.sid().isEmpty() ? "`" + ref.sid() + "` (#" + ref.index() + ")"
                : "#" + ref.index();
    }
}
