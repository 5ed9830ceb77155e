package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.access.Targets;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Role;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The steps shared by the instance-profile role swaps. An instance profile holds one role at most, a quota that
 * cannot be raised, so putting another role in takes the one it holds out first (IAM API Reference,
 * AddRoleToInstanceProfile; IAM User Guide, "IAM and AWS STS quotas"): iam:RemoveRoleFromInstanceProfile when the
 * profile holds a role, then iam:AddRoleToInstanceProfile, both authorized on the profile (Service Authorization
 * Reference, IAM: resource type {@code instance-profile}). "The caller of this operation must be granted the
 * PassRole permission on the IAM role" (API Reference, AddRoleToInstanceProfile), and the role must trust EC2,
 * which assumes it for the instances (IAM User Guide, "Use instance profiles").
 */
final class InstanceProfileSwap {
    static final String EC2 = "ec2.amazonaws.com";

    private InstanceProfileSwap() {
    }

    /**
     * The profile's tags are not in the snapshot, so {@code aws:ResourceTag} is unknown on it: a policy testing
     * them makes the step conditional rather than deciding it as if the profile had none.
     */
    private static RequestContext onProfile(AccessChecker c, Actor a) {
        return c.derived(a, "instance profile: aws:ResourceTag unknown", b -> b.unknown("aws:ResourceTag/*"));
    }

    /**
     * AWS documents neither the service {@code iam:PassedToService} names when AddRoleToInstanceProfile passes
     * the role, nor an instance for {@code iam:AssociatedResourceArn} (the API Reference asks policies to use
     * {@code arn:aws:ec2:*:ACCOUNT:instance/*} for it): both unknown, so a policy limiting iam:PassRole by them
     * makes the edge conditional, never drops it.
     */
    static RequestContext passedToProfile(AccessChecker c, Actor a) {
        return c.derived(a, "iam:PassRole by AddRoleToInstanceProfile",
                b -> b.unknown("iam:PassedToService").unknown("iam:AssociatedResourceArn"));
    }

    /**
     * Remove the role the profile holds (when it holds one) and add another: both checks, their evidence added to
     * {@code steps} in that order; false when either is refused.
     */
    static boolean swapIn(Actor a, TechniqueContext ctx, String profile, Steps steps) {
        Evidence add = ctx.checker().check(a, "iam:AddRoleToInstanceProfile", profile, onProfile(ctx.checker(), a));
        return add.allows() && swapIn(a, ctx, profile, add, steps);
    }

    /** The same once the addition is known to be allowed ({@code add}). */
    private static boolean swapIn(Actor a, TechniqueContext ctx, String profile, Evidence add, Steps steps) {
        boolean holdsRole = !ctx.inventory().rolesOfProfile(profile).isEmpty();
        return (!holdsRole || steps.allow(ctx.checker().check(a, "iam:RemoveRoleFromInstanceProfile", profile,
                onProfile(ctx.checker(), a)))) && steps.allow(add);
    }

    /**
     * The steps of a swap into the first profile of the list the attacker may swap a role into (a definite one if
     * any), after {@code before}; null when there is none. The additions are decided per class of profiles.
     */
    static Steps firstSwap(Actor a, TechniqueContext ctx, Targets<String> profiles, Steps before) {
        AccessChecker c = ctx.checker();
        Steps[] found = {null};
        c.forEachAllowed(a, "iam:AddRoleToInstanceProfile", profiles, onProfile(c, a), (profile, add) -> {
            Steps s = before.fork();
            if (swapIn(a, ctx, profile, add, s)) {
                boolean sure = s.evidence().stream().noneMatch(Evidence::conditional);
                if (found[0] == null || sure) {
                    found[0] = s;
                }
                return !sure;
            }
            return true;
        });
        return found[0];
    }

    /**
     * Visits, in order, each role of the attacker's account that can be put in a profile: it trusts EC2 (which
     * may assume it), is not service-linked, and may be passed; {@code visit} gets the role and the steps so far
     * with the trust and PassRole evidence added, and returns false to stop.
     */
    static void roles(Actor a, TechniqueContext ctx, Steps steps, BiPredicate<Role, Steps> visit) {
        AccessChecker c = ctx.checker();
        if (!c.mayMatchAnyUnder(a, "iam:PassRole", "arn:aws:iam::" + a.account() + ":role/")) {
            return;
        }
        c.forEachAllowed(a, "iam:PassRole", ctx.serviceRoles(a, EC2, false), passedToProfile(c, a),
                (Role r, Evidence passed) -> {
                    if (r.arn().equals(a.arn())) {
                        return true;
                    }
                    Steps s = steps.fork();
                    return !(s.allow(c.serviceAssume(EC2, r)) && s.allow(passed)) || visit.test(r, s);
                });
    }

    /** Whether the role is in the list (by ARN). */
    static boolean in(Role r, List<Role> roles) {
        return roles.stream().anyMatch(x -> x.arn().equals(r.arn()));
    }
}
