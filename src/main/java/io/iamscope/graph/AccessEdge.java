package io.iamscope.graph;

import io.iamscope.access.Evidence;
import io.iamscope.eval.Constraint;
import java.util.List;

/**
 * An edge of the access graph: {@code from} can act as {@code to}. {@code technique} is the escalation
 * technique's id for ESCALATE edges ({@code iam-create-access-key}), {@code assume-role} for ASSUME edges
 * and {@code member} for MEMBER edges. {@code condition} is TRUE when the edge is definite; otherwise the
 * conjunction of what its evidence depends on. {@code yieldsAdmin} marks techniques that give the target
 * arbitrary permissions (attaching a policy to a role one can assume), not merely its current ones.
 */
public record AccessEdge(PrincipalNode from, PrincipalNode to, EdgeKind kind, String technique,
                         List<Evidence> evidence, Constraint condition, boolean yieldsAdmin) {
    public AccessEdge {
        evidence = List.copyOf(evidence);
    }

    public boolean conditional() {
        return condition != Constraint.TRUE;
    }
}
