package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import java.util.List;
import java.util.function.Consumer;

/**
 * iam:AttachUserPolicy: attach AdministratorAccess to its own user, or to another user whose credentials it can
 * then obtain (a new access key or console password: checklist row 69, pathfinding.cloud iam-015).
 */
final class IamAttachUserPolicy implements Technique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-attach-user-policy", "iam:AttachUserPolicy onto itself or another user",
            "attach AdministratorAccess to its own user, or to another user whose credentials it can then obtain", List.of("iam:AttachUserPolicy"), TargetKind.SELF, "arbitrary permissions (admin-equivalent)",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor attacker, TechniqueContext ctx, Consumer<Escalation> out) {
        SelfGrant.onSelfUser(attacker, ctx, "iam:AttachUserPolicy", INFO.id(), out);
        SelfGrant.onOtherUsers(attacker, ctx, "iam:AttachUserPolicy", INFO.id(), out);
    }
}
