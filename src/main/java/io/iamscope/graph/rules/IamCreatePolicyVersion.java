package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import java.util.List;
import java.util.function.Consumer;

/** iam:CreatePolicyVersion: create a new default version allowing everything of a customer managed policy attached to itself, its group or a role it can assume. */
final class IamCreatePolicyVersion implements Technique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-create-policy-version", "iam:CreatePolicyVersion on a policy it holds",
            "create a new default version allowing everything of a customer managed policy attached to itself, its group or a role it can assume", List.of("iam:CreatePolicyVersion"), TargetKind.SELF, "arbitrary permissions for itself or the role",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor attacker, TechniqueContext ctx, Consumer<Escalation> out) {
        PolicyVersions.targets(attacker, ctx, m -> true, t -> {
            Steps s = new Steps();
            if (s.allow(ctx.checker().check(attacker, "iam:CreatePolicyVersion", t.policy().arn()))) {
                out.accept(s.to(INFO.id(), t.principal(), true));
            }
        });
        PolicyVersions.rewrittenRoles(attacker, ctx, m -> true, "iam:CreatePolicyVersion", INFO.id(), out);
        PolicyVersions.otherUsers(attacker, ctx, m -> true, "iam:CreatePolicyVersion", INFO.id(), out);
    }
}
