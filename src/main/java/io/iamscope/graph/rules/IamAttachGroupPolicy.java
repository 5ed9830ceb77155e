package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import java.util.List;
import java.util.function.Consumer;

/** iam:AttachGroupPolicy: attach AdministratorAccess to a group it belongs to. */
final class IamAttachGroupPolicy implements Technique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-attach-group-policy", "iam:AttachGroupPolicy onto itself",
            "attach AdministratorAccess to a group it belongs to", List.of("iam:AttachGroupPolicy"), TargetKind.SELF, "arbitrary permissions (admin-equivalent)",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor attacker, TechniqueContext ctx, Consumer<Escalation> out) {
        SelfGrant.onOwnGroups(attacker, ctx, "iam:AttachGroupPolicy", INFO.id(), out);
    }
}
