package io.iamscope.analysis.trail;

import io.iamscope.analysis.Hop;
import java.time.Instant;
import java.util.List;

/**
 * A credential the attacker's calls handed out, laid over the access graph.
 *
 * @param event      the call that handed it out: {@code AssumeRole}, {@code CreateAccessKey}...
 * @param from       the principal of the credential that made the call
 * @param to         the principal of the credential handed out
 * @param credential the new credential's key id
 * @param graphPath  the graph's path from {@code from} to {@code to} (techniques and checks); empty when none
 */
public record ObservedHop(Instant time, String event, String from, String to, String credential, HopStatus status,
                          List<Hop> graphPath) {
    public ObservedHop {
        graphPath = List.copyOf(graphPath);
    }
}
