package io.iamscope.analysis.trail;

import io.iamscope.catalog.Tactic;
import java.time.Instant;

/**
 * A call that lets the attacker stay or blinds the defenders.
 *
 * @param tactic  the ATT&amp;CK tactic of the call ({@link io.iamscope.catalog.CallTactics}), null when none is known
 * @param target  the request's parameters naming what it changed: {@code userName=ci-bot}
 * @param outcome {@code ok}, or the call's error code
 */
public record Change(Instant time, ChangeKind kind, Tactic tactic, String action, String principal, String credential,
                     String target, String outcome) {
}
