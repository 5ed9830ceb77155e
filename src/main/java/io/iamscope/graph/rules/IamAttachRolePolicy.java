package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import java.util.List;
import java.util.function.Consumer;

/** iam:AttachRolePolicy: attach AdministratorAccess to its own role or to a role it can assume, then use the role. */
final class IamAttachRolePolicy implements Technique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-attach-role-policy", "iam:AttachRolePolicy onto itself",
            "attach AdministratorAccess to its own role or to a role it can assume, then use the role", List.of("iam:AttachRolePolicy"), TargetKind.ROLE, "arbitrary permissions (admin-equivalent)",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor attacker, TechniqueContext ctx, Consumer<Escalation> out) {
        SelfGrant.onRoles(attacker, ctx, "iam:AttachRolePolicy", INFO.id(), out);
    }
}
