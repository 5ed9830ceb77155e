package io.iamscope.graph.rules;

import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.eval.Outcome;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * The roles of the attacker's account whose trust it may rewrite, each with the check; found once per
     * attacker, per class of roles (service-linked roles are not in the list: their trust cannot be edited).
     */
    static Map<String, Rewritable> rewritable(Actor a, TechniqueContext ctx) {
        return ctx.perAttacker(a, "trust rewrite", () -> {
            // Keyed by ARN: a role record's hash is its policies' documents'.
            Map<String, Rewritable> out = new LinkedHashMap<>();
            if (mayRewriteAny(a, ctx)) {
                ctx.checker().forEachAllowed(a, UPDATE, ctx.editableRolesAdminFirst(a.account()), (r, e) -> {
                    if (!r.arn().equals(a.arn())) {
                        out.put(r.arn(), new Rewritable(r, e));
                    }
                    return true;
                });
            }
            return out;
        });
    }

    /** A role whose trust the attacker may rewrite, and the check that allows it. */
    record Rewritable(Role role, Evidence how) {
    }

    /** The check of the rewrite of the role's trust, or null when refused. */
    static Evidence rewrite(Actor a, TechniqueContext ctx, Role r) {
        Rewritable can = rewritable(a, ctx).get(r.arn());
        return can == null ? null : can.how();
    }

    /** The checks of the rewrite and the assume that follows, or null when either is refused. */
    static List<Evidence> steps(Actor a, TechniqueContext ctx, Role r) {
        Rewritable can = rewritable(a, ctx).get(r.arn());
        if (can == null) {
            return null;
        }
        Evidence rewrite = can.how();
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
