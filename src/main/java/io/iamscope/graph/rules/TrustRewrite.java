package io.iamscope.graph.rules;

import io.iamscope.access.Actor;
import io.iamscope.access.AllowedClasses;
import io.iamscope.access.Evidence;
import io.iamscope.access.Targets;
import io.iamscope.eval.Outcome;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Role;
import java.util.List;

/**
 * Making a role of the attacker's account assumable by rewriting its trust policy to trust the attacker
 * (iam:UpdateAssumeRolePolicy), then assuming it: within one account a trust policy naming the caller's ARN
 * grants on its own (IAM User Guide: "Policy evaluation for requests within a single account"), so sts:AssumeRole
 * must only not be explicitly denied to the attacker. Combined with a policy written onto the role, it is one
 * move on one target (checklist row 68). Service-linked roles' trust policies cannot be edited.
 */
final class TrustRewrite {
    static final String UPDATE = "iam:UpdateAssumeRolePolicy";

    private TrustRewrite() {
    }

    /** Whether the attacker's policies may allow rewriting the trust of some role of its account. */
    static boolean mayRewriteAny(Actor a, TechniqueContext ctx) {
        return ctx.checker().mentions(a, UPDATE)
                && ctx.checker().mayMatchAnyUnder(a, UPDATE, "arn:aws:iam::" + a.account() + ":role/");
    }

    /**
     * The roles of the attacker's account whose trust it may rewrite, as classes over the account's editable
     * roles ({@link TechniqueContext#editableRolesAdminFirst}), each with its check; found once per attacker
     * (service-linked roles are not in the list: their trust cannot be edited).
     */
    static Rewritable rewritable(Actor a, TechniqueContext ctx) {
        return ctx.perAttacker(a, "trust rewrite", () -> {
            Targets<Role> roles = ctx.editableRolesAdminFirst(a.account());
            AllowedClasses allowed = mayRewriteAny(a, ctx)
                    ? ctx.checker().allowedClasses(a, UPDATE, roles, ctx.checker().contextOf(a)) : new AllowedClasses();
            return new Rewritable(roles, allowed);
        });
    }

    /** The roles whose trust the attacker may rewrite: classes over the account's editable roles. */
    record Rewritable(Targets<Role> roles, AllowedClasses classes) {
        boolean isEmpty() {
            return classes.isEmpty();
        }

        /** The check of the rewrite of the role's trust, or null when refused (or the role is not editable). */
        Evidence of(Role r) {
            int at = roles.indexOf(r);
            int c = at < 0 ? -1 : classes.classOf(at);
            return c < 0 ? null : classes.evidenceFor(c, r.arn());
        }
    }

    /** The check of the rewrite of the role's trust, or null when refused. */
    static Evidence rewrite(Actor a, TechniqueContext ctx, Role r) {
        return r.arn().equals(a.arn()) ? null : rewritable(a, ctx).of(r);
    }

    /** The checks of the rewrite and the assume that follows, or null when either is refused. */
    static List<Evidence> steps(Actor a, TechniqueContext ctx, Role r) {
        Evidence rewrite = rewrite(a, ctx, r);
        if (rewrite == null) {
            return null;
        }
        Evidence assume = ctx.checker().check(a, "sts:AssumeRole", r.arn());
        if (assume.outcome() == Outcome.EXPLICIT_DENY && !assume.conditional()) {
            return null;
        }
        return List.of(rewrite, assume);
    }

    /** Whether all the checks hold definitely. */
    static boolean definite(List<Evidence> steps, Evidence last) {
        return !last.conditional() && steps.stream().noneMatch(Evidence::conditional);
    }
}
