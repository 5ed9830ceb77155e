package io.iamscope.eval;

import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.SourceLocation;
import java.util.List;

/**
 * The diagnostic an engine that answers for another (the IAM policy simulator) puts on what it could not check.
 * A decision carrying an ERROR of this code was not asked of the engine at all; one carrying a WARNING was, with
 * a layer left out. Part of the contract so that the comparison of engines ({@code analysis.verify}) and the
 * reports read it without knowing the simulator; kept as a diagnostic in {@link Decision#errors()}, so that the
 * contract's types need no simulator-only field.
 */
public final class NotChecked {
    /** The stable code of every "not checked by the simulator" diagnostic. */
    public static final String CODE = "NOT_CHECKED_BY_SIMULATOR";

    private static final SourceLocation WHERE = SourceLocation.of("iam policy simulator");

    private NotChecked() {
    }

    /** Nothing was asked of the simulator: the decision is a placeholder. */
    public static Diagnostic refused(String reason) {
        return Diagnostic.error(CODE, reason, WHERE);
    }

    /** The simulator was asked, but without one layer: its answer ignores that layer. */
    public static Diagnostic omitted(String reason) {
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
