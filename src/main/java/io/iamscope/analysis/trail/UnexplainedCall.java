package io.iamscope.analysis.trail;

/**
 * A call that succeeded though the snapshot says its principal could not make it: a path or permission the
 * snapshot does not hold (a policy changed since it was taken, data it lacks) or one the engine misses.
 *
 * @param resource the resource the record names, or null when it names none (then no resource the principal's
 *                 policies name would allow it)
 * @param first    the earliest such call checked
 * @param decision the engine's decision and why, in one line
 */
public record UnexplainedCall(String principalArn, String action, String resource, java.time.Instant first,
                              long succeeded, String decision) {
}
