package io.iamscope.eval;

/** Three-valued truth: a test on a key the caller declared unknown is UNKNOWN, never silently false. */
public enum Truth {
    TRUE, FALSE, UNKNOWN;

    public static Truth of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** Kleene conjunction. */
    public Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    /** Kleene disjunction. */
    public Truth or(Truth other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }
}
