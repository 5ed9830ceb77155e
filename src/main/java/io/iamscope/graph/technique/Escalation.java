package io.iamscope.graph.technique;

import io.iamscope.access.Evidence;
import java.util.List;

/**
 * One use of a technique found for an attacker: the principal (user, role or group ARN) it leads to, or the
 * attacker's own ARN for SELF techniques (which make the attacker admin-equivalent), with the checks behind it.
 *
 * @param yieldsAdmin the target ends up with arbitrary permissions, not merely its current ones
 */
public record Escalation(String technique, String target, List<Evidence> evidence, boolean yieldsAdmin) {
    public Escalation {
        evidence = List.copyOf(evidence);
    }
}
