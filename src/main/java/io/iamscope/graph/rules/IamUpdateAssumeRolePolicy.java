package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import java.util.List;
import java.util.function.Consumer;

/**
 * iam:UpdateAssumeRolePolicy (+ sts:AssumeRole): rewrite a role's trust policy to trust the attacker, then
 * assume it. Within one account a trust policy naming the caller's ARN grants on its own (IAM User Guide:
 * "Policy evaluation for requests within a single account"), so the second step only needs sts:AssumeRole
 * not to be explicitly denied to the attacker (an identity Deny or an SCP); the current trust policy, which
 * the attacker replaces, does not matter.
 */
final class IamUpdateAssumeRolePolicy implements Technique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-update-assume-role-policy",
            "iam:UpdateAssumeRolePolicy on a role", "rewrite a role's trust policy to trust itself, then assume the role",
            List.of("iam:UpdateAssumeRolePolicy"), TargetKind.ROLE, "the role's permissions",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor attacker, TechniqueContext ctx, Consumer<Escalation> out) {
        String roles = "arn:aws:iam::" + attacker.account() + ":role/";
        if (!ctx.checker().mayMatchAnyUnder(attacker, "iam:UpdateAssumeRolePolicy", roles)) {
            return; // no Allow pattern of the actor reaches this kind of target in its account
        }
        // Service-linked roles' trust policies cannot be edited: they are not in the list.
        ctx.checker().forEachAllowed(attacker, "iam:UpdateAssumeRolePolicy",
                ctx.editableRolesAdminFirst(attacker.account()), (r, e) -> {
                    if (r.arn().equals(attacker.arn())) {
                        return true;
                    }
                    Steps s = new Steps();
                    s.allow(e);
                    if (s.notDenied(ctx.checker().check(attacker, "sts:AssumeRole", r.arn()))) {
                        out.accept(s.to(INFO.id(), r.arn(), false));
                        return !ctx.admin(r.arn()); // an admin role reaches every other role through the account node
                    }
                    return true;
                });
    }
}
