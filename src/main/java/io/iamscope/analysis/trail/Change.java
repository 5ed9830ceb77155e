package io.iamscope.analysis.trail;

import java.time.Instant;

/**
 * A call that lets the attacker stay or blinds the defenders.
 *
 * @param target  the request's parameters naming what it changed: {@code userName=ci-bot}
 * @param outcome {@code ok}, or the call's error code
 */
public record Change(Instant time, ChangeKind kind, String action, String principal, String credential,
                     String target, String outcome) {
}
