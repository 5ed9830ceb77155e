package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Targets;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.model.Role;
import java.util.List;
import java.util.function.Consumer;

/**
 * Swap a role into an existing instance profile and launch an instance with that profile: for a role in no
 * instance profile at all, which ec2-run-instances-pass-role cannot use (creating a profile is not modelled).
 * ec2:RunInstances with a profile takes iam:PassRole on its role with {@code iam:PassedToService} =
 * {@code ec2.amazonaws.com} (IAM User Guide, "Grant a user permissions to pass a role to an AWS service",
 * example 1), besides the PassRole AddRoleToInstanceProfile takes ({@link InstanceProfileSwap}).
 */
final class IamInstanceProfileRoleSwapRunInstances implements Technique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-instance-profile-role-swap-run-instances",
            "iam:RemoveRoleFromInstanceProfile + iam:AddRoleToInstanceProfile + ec2:RunInstances",
            "put a role that is in no instance profile into an existing profile (taking its role out), launch an "
                    + "instance with the profile and read the role's credentials on it",
            List.of("iam:AddRoleToInstanceProfile", "iam:PassRole", "ec2:RunInstances"), TargetKind.ROLE,
            "the swapped-in role's permissions", List.of(Refs.COMPOSED));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        AccessChecker c = ctx.checker();
        if (!c.mayMatchAnyUnder(a, "iam:AddRoleToInstanceProfile", "arn:aws:iam::" + a.account() + ":instance-profile/")) {
            return;
        }
        Targets<Role> roles = ctx.serviceRoles(a, InstanceProfileSwap.EC2, false);
        boolean candidate = false;
        for (int i = 0; i < roles.size() && !candidate; i++) {
            candidate = roles.get(i).instanceProfiles().isEmpty();
        }
        if (!candidate || !c.mayMatchAnyUnder(a, "iam:PassRole", "arn:aws:iam::" + a.account() + ":role/")) {
            return; // no role of the account for it: every EC2 role is in a profile already
        }
        Steps launch = new Steps();
        if (!launch.allow(c.checkNew(a, "ec2:RunInstances"))) {
            return;
        }
        // One profile suffices: the first the attacker may swap a role into, a definite one if any.
        Targets<String> profiles = ctx.targets("instance profiles of " + a.account(),
                () -> ctx.inventory().instanceProfiles(a.account()), arn -> arn);
        Steps swap = InstanceProfileSwap.firstSwap(a, ctx, profiles, launch);
        if (swap == null) {
            return;
        }
        InstanceProfileSwap.roles(a, ctx, swap, (Role r, Steps s) -> {
            if (!r.instanceProfiles().isEmpty()) {
                return true; // in a profile already: ec2-run-instances-pass-role launches it without a swap
            }
            if (s.allow(c.check(a, "iam:PassRole", r.arn(),
                    c.derived(a, "iam:PassedToService=" + InstanceProfileSwap.EC2,
                            b -> b.put("iam:PassedToService", InstanceProfileSwap.EC2))))) {
                out.accept(s.to(INFO.id(), r.arn(), false));
                return !ctx.admin(r.arn()); // an admin role reaches every other role through the account node
            }
            return true;
        });
    }
}
