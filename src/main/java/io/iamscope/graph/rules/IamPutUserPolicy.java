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
 * iam:PutUserPolicy: write an inline policy allowing everything onto its own user, or onto another user whose
 * credentials it can then obtain (checklist row 69, pathfinding.cloud iam-018).
 */
final class IamPutUserPolicy implements Technique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-put-user-policy", "iam:PutUserPolicy onto itself or another user",
            "write an inline policy allowing everything onto its own user, or onto another user whose credentials it"
                    + " can then obtain", List.of("iam:PutUserPolicy"), TargetKind.SELF, "arbitrary permissions (admin-equivalent)",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor attacker, TechniqueContext ctx, Consumer<Escalation> out) {
        SelfGrant.onSelfUser(attacker, ctx, "iam:PutUserPolicy", INFO.id(), out);
        SelfGrant.onOtherUsers(attacker, ctx, "iam:PutUserPolicy", INFO.id(), out);
    }
}
