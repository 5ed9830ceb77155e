package io.iamscope.analysis.blast;

import io.iamscope.graph.PathLimits;
import java.time.Instant;

/**
 * How a blast radius is computed.
 *
 * @param limits     path search limits (conditional edges are followed by default, and marked)
 * @param huntSince  the start of the hunting queries' time window
 * @param threads    how many principals are evaluated at once
 * @param athenaTable the Athena table over CloudTrail the queries read
 * @param eventDataStore the CloudTrail Lake event data store id the queries read
 */
public record BlastOptions(PathLimits limits, Instant huntSince, int threads, String athenaTable,
                           String eventDataStore) {
    /** CloudTrail's event history keeps 90 days; the queries look as far back by default. */
    public static BlastOptions defaults(Instant now) {
        return new BlastOptions(PathLimits.DEFAULT, now.minusSeconds(90L * 24 * 3600),
                Math.max(1, Runtime.getRuntime().availableProcessors()), "cloudtrail_logs", "<event-data-store-id>");
    }
}
