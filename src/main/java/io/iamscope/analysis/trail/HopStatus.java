package io.iamscope.analysis.trail;

/** How an observed change of principal compares with the access graph's prediction. */
public enum HopStatus {
    /** The graph has a path from the caller's principal to the new credential's. */
    PREDICTED,
    /** The new credential is the caller's own principal's (a session token, a key of its own). */
    SAME_PRINCIPAL,
    /** The new credential's principal was created in the logs' window, by a credential followed. */
    CREATED_IN_WINDOW,
    /**
     * It happened, and the graph says it could not: a path the graph misses, a snapshot older than the change, or
     * data the snapshot lacks. Shown loudly.
     */
    UNPREDICTED
}
