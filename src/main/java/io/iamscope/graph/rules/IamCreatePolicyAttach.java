package io.iamscope.graph.rules;

import io.iamscope.access.Actor;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import java.util.List;
import java.util.function.Consumer;

/**
 * iam:CreatePolicy, then iam:AttachUserPolicy, iam:AttachGroupPolicy or iam:AttachRolePolicy of the new policy
 * onto itself, a group it is in, or a role it can assume (SELF or ROLE, as the attach techniques): the attacker
 * writes the new policy, so it grants everything, and it passes an {@code iam:PolicyARN} condition that keeps
 * AdministratorAccess out (Service Authorization Reference, IAM: the attach actions' {@code iam:PolicyARN}). The
 * policy's ARN is one of {@link NewPolicyArns}, the same in both checks: created on it, attached with
 * {@code iam:PolicyARN} = it.
 */
final class IamCreatePolicyAttach implements Technique {
    private static final String CREATE = "iam:CreatePolicy";
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-create-policy-attach",
            "iam:CreatePolicy + iam:Attach{User,Group,Role}Policy onto itself",
            "create a managed policy allowing everything and attach it to its own user, a group it is in, or a role it"
                    + " can assume",
            List.of(CREATE), TargetKind.SELF, "arbitrary permissions for itself or the role",
            List.of(Refs.COMPOSED));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        List<String> policies = NewPolicyArns.candidates(a, ctx);
        if (ctx.checker().mentions(a, "iam:AttachUserPolicy")) {
            SelfGrant.onSelfUser(a, grant(a, ctx, "iam:AttachUserPolicy", policies), INFO.id(), out);
        }
        if (ctx.checker().mentions(a, "iam:AttachGroupPolicy")) {
            SelfGrant.onOwnGroups(a, ctx, grant(a, ctx, "iam:AttachGroupPolicy", policies), INFO.id(), out);
        }
        if (ctx.checker().mentions(a, "iam:AttachRolePolicy")) {
            SelfGrant.onRoles(a, ctx, grant(a, ctx, "iam:AttachRolePolicy", policies), INFO.id(), out);
        }
    }

    /** Creating one of the policies and attaching it to the principal (the first name that allows both). */
    private static SelfGrant.Grant grant(Actor a, TechniqueContext ctx, String attach, List<String> policies) {
        return (principal, steps) -> Alternatives.first(policies, steps, (policy, s) ->
                s.allow(ctx.checker().check(a, CREATE, policy))
                        && s.allow(ctx.checker().check(a, attach, principal, "iam:PolicyARN", policy)));
    }
}
