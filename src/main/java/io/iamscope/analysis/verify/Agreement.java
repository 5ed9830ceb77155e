package io.iamscope.analysis.verify;

/** How the local engine's and the simulator's decisions on one request compare. */
public enum Agreement {
    /** Same outcome when both are definite; the same unknown keys when both are conditional. */
    AGREE,
    /** A real difference worth reading: one of the two engines is wrong, or the case hits a documented gap. */
    DISAGREE,
    /** The simulator could not check the request, or checked it without a layer ({@link NotChecked}). */
    NOT_COMPARABLE
}
