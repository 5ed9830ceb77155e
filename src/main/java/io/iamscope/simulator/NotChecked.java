package io.iamscope.simulator;

import io.iamscope.eval.Decision;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.SourceLocation;
import java.util.List;

/**
 * The diagnostic that flags what the IAM policy simulator could not check. A decision carrying an ERROR of
 * this code was not asked of the simulator at all; one carrying a WARNING was, with a layer left out. Kept as
 * a diagnostic in {@link Decision#errors()} so that {@code eval}'s types need no simulator-only field.
 */
public final class NotChecked {
    /** The stable code of every "not checked by the simulator" diagnostic. */
    public static final String CODE = "NOT_CHECKED_BY_SIMULATOR";

    private static final SourceLocation WHERE = SourceLocation.of("iam policy simulator");

    private NotChecked() {
    }

    /** Nothing was asked of the simulator: the decision is a placeholder. */
    static Diagnostic refused(String reason) {
        return Diagnostic.error(CODE, reason, WHERE);
    }

    /** The simulator was asked, but without one layer: its answer ignores that layer. */
    static Diagnostic omitted(String reason) {
        return Diagnostic.warning(CODE, reason, WHERE);
    }

    /** Whether the simulator's decision left something unchecked (refused or partial). */
    public static boolean isNotChecked(Decision d) {
        return !reasons(d).isEmpty();
    }

    /** The reasons, one line each, in order. */
    public static List<String> reasons(Decision d) {
        return d.errors().stream().filter(e -> CODE.equals(e.code())).map(Diagnostic::message).toList();
    }
}
