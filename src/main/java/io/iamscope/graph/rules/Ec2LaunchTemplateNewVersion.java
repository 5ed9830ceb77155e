package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.access.Targets;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.Role;
import java.util.List;
import java.util.function.Consumer;

/**
 * ec2:CreateLaunchTemplateVersion (+ ec2:ModifyLaunchTemplate to make it the default) on a launch template an Auto
 * Scaling group launches at {@code $Latest} (or {@code $Default}): the new version carries the attacker's user data
 * and an instance profile of its choosing, and the group's next instance runs them.
 * <ul>
 * <li>Nothing else is checked of the attacker: "for an Auto Scaling group that is configured to use the Latest or
 * Default launch template, the permissions are not checked when a new version of the launch template is created"
 * (Amazon EC2 Auto Scaling User Guide, "Control Amazon EC2 launch template usage in Auto Scaling groups"), and
 * resource-level permissions cannot restrict what a launch template version names (Amazon EC2 User Guide, "IAM
 * permissions required for Amazon EC2 launch templates").</li>
 * <li>The group launches with its service-linked role, whose policy passes any role to EC2
 * (AutoScalingServiceRolePolicy: iam:PassRole on {@code *} where {@code iam:PassedToService} is
 * {@code ec2.amazonaws.com*}); SCPs do not apply to service-linked roles. So the version may name any instance
 * profile of the account whose role EC2 may assume, not only the template's own: no iam:PassRole of the attacker.</li>
 * <li>Both actions are authorized on the template (Service Authorization Reference, Amazon EC2: resource type
 * {@code launch-template}). A group following a fixed version, or with a maximum size of 0, is not used: changing
 * either takes autoscaling:UpdateAutoScalingGroup, which checks ec2:RunInstances and iam:PassRole.</li>
 * </ul>
 * The technique waits for the group to launch (a scale-out or a replaced instance) rather than requiring the right to
 * cause one. Of the templates that allow the change, a definite one is the evidence, else a conditional one.
 */
final class Ec2LaunchTemplateNewVersion implements Technique {
    private static final String CREATE = "ec2:CreateLaunchTemplateVersion";
    private static final String DEFAULT = "ec2:ModifyLaunchTemplate";
    private static final String EC2 = "ec2.amazonaws.com";
    private static final TechniqueInfo INFO = new TechniqueInfo("ec2-launch-template-new-version",
            "ec2:CreateLaunchTemplateVersion (+ ec2:ModifyLaunchTemplate) on a template an Auto Scaling group follows",
            "add a launch template version with the attacker's user data and an instance profile, made the default if"
                    + " needed, to a template an Auto Scaling group launches at $Latest or $Default: its next instance"
                    + " runs the script with the profile's role",
            List.of(CREATE), TargetKind.ROLE, "the permissions of an instance-profile role of the account",
            List.of(Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        List<AutoScalingLaunchTemplates.Followed> followed = AutoScalingLaunchTemplates.followed(
                ctx.inventory().ofType(a.account(), AutoScalingLaunchTemplates.GROUP),
                ctx.inventory().ofType(a.account(), AutoScalingLaunchTemplates.TEMPLATE));
        Steps steps = newVersion(a, ctx.checker(), followed);
        if (steps == null) {
            return;
        }
        Targets<Role> roles = ctx.serviceRoles(a, EC2, true);
        for (int i = 0; i < roles.size(); i++) {
            Role role = roles.get(i);
            if (role.arn().equals(a.arn())) {
                continue;
            }
            Steps s = steps.fork();
            if (s.allow(ctx.checker().serviceAssume(EC2, role))) {
                out.accept(s.to(INFO.id(), role.arn(), false));
                if (ctx.admin(role.arn())) {
                    return; // an admin role reaches every other role through the account node
                }
            }
        }
    }

    /** The checks on the first template that allows a new version the group launches, preferring a definite one. */
    private static Steps newVersion(Actor a, AccessChecker c, List<AutoScalingLaunchTemplates.Followed> followed) {
        Steps best = null;
        for (AutoScalingLaunchTemplates.Followed t : followed) {
            Steps s = new Steps();
            if (!s.allow(c.check(a, CREATE, t.arn())) || !t.latest() && !s.allow(c.check(a, DEFAULT, t.arn()))) {
                continue;
            }
            boolean conditional = s.evidence().stream().anyMatch(Evidence::conditional);
            if (!conditional) {
                return s;
            }
            if (best == null) {
                best = s;
            }
        }
        return best;
    }
}
