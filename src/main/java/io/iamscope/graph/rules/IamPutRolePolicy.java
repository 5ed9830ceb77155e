package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import java.util.List;
import java.util.function.Consumer;

/** iam:PutRolePolicy: write an inline policy allowing everything onto its own role or a role it can assume, then use the role. */
final class IamPutRolePolicy implements Technique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-put-role-policy", "iam:PutRolePolicy onto itself",
            "write an inline policy allowing everything onto its own role or a role it can assume, then use the role", List.of("iam:PutRolePolicy"), TargetKind.ROLE, "arbitrary permissions (admin-equivalent)",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor attacker, TechniqueContext ctx, Consumer<Escalation> out) {
        SelfGrant.onRoles(attacker, ctx, "iam:PutRolePolicy", INFO.id(), out);
    }
}
