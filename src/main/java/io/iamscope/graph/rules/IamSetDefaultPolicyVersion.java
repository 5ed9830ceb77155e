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

/** iam:SetDefaultPolicyVersion: make an existing, broader version (one allowing every action or every IAM action) of such a policy the default. */
final class IamSetDefaultPolicyVersion implements Technique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-set-default-policy-version", "iam:SetDefaultPolicyVersion on a policy it holds",
            "make an existing, broader version (one allowing every action or every IAM action) of such a policy the default", List.of("iam:SetDefaultPolicyVersion"), TargetKind.SELF, "arbitrary permissions for itself or the role",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor attacker, TechniqueContext ctx, Consumer<Escalation> out) {
        PolicyVersions.targets(attacker, ctx, PolicyVersions::hasBroaderVersion, t -> {
            Steps s = new Steps();
            if (s.allow(ctx.checker().check(attacker, "iam:SetDefaultPolicyVersion", t.policy().arn()))) {
                out.accept(s.to(INFO.id(), t.principal(), true));
            }
        });
        PolicyVersions.rewrittenRoles(attacker, ctx, PolicyVersions::hasBroaderVersion, "iam:SetDefaultPolicyVersion", INFO.id(), out);
        PolicyVersions.otherUsers(attacker, ctx, PolicyVersions::hasBroaderVersion, "iam:SetDefaultPolicyVersion", INFO.id(), out);
    }
}
