package io.iamscope.analysis.trail;

import io.iamscope.analysis.Hop;
import java.time.Instant;
import java.util.List;

/**
 * A principal the attacker acted as, through the credentials followed.
 *
 * @param predicted whether the graph says the start can act as it (the start itself, or reachable), or a followed
 *                  credential created it in the window
 * @param path      the graph's path from the start to it; empty for the start and for what the graph does not reach
 */
public record PrincipalUse(String arn, boolean predicted, List<Hop> path, Instant first, Instant last,
                           int credentials, long calls, long denied) {
    public PrincipalUse {
        path = List.copyOf(path);
    }
}
