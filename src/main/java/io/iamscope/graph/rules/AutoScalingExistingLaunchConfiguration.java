package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.policy.Arn;
import java.util.List;
import java.util.function.Consumer;

/**
 * autoscaling:CreateAutoScalingGroup from an existing launch configuration with an instance profile, then a way
 * into the instances it launches. No iam:PassRole: Auto Scaling asks for it when a launch template names a
 * profile, not for a launch configuration, whose creator passed the role (EC2 Auto Scaling User Guide, "Amazon EC2
 * Auto Scaling API permissions": CreateAutoScalingGroup). The instances run the configuration's image and user
 * data, not the attacker's, so it must get into one: ssm:SendCommand, ssm:StartSession or
 * ec2-instance-connect:SendSSHPublicKey on a new instance ({@link InstanceCode#RUNNING}). Auto Scaling launches
 * them with its service-linked role AWSServiceRoleForAutoScaling: in the snapshot, or created with the attacker's
 * permission. The group is checked with {@code autoscaling:LaunchConfigurationName} = the configuration; its size
 * and subnets are the attacker's pick (unknown). Launch configurations are not collected (the Auto Scaling API
 * speaks the Query protocol, which the collector's clients do not): supplied with {@code --resources} as
 * {@code AWS::AutoScaling::LaunchConfiguration} with the profile's ARN as {@code instanceProfileArn}.
 */
final class AutoScalingExistingLaunchConfiguration implements Technique {
    static final String TYPE = "AWS::AutoScaling::LaunchConfiguration";
    private static final String CREATE = "autoscaling:CreateAutoScalingGroup";
    private static final ServiceLinkedRole AUTO_SCALING =
            new ServiceLinkedRole("autoscaling.amazonaws.com", "AWSServiceRoleForAutoScaling");
    private static final TechniqueInfo INFO = new TechniqueInfo("autoscaling-existing-launch-configuration",
            "autoscaling:CreateAutoScalingGroup from an existing launch configuration + a way into its instances",
            "create an Auto Scaling group from an existing launch configuration with an instance profile and get into"
                    + " an instance it launches",
            List.of(CREATE), TargetKind.ROLE, "the permissions of the configuration's role", List.of(Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        List<Resource> configurations = ctx.inventory().ofType(a.account(), TYPE).stream()
                .filter(r -> r.instanceProfileArn() != null).toList();
        if (configurations.isEmpty()) {
            return;
        }
        AccessChecker c = ctx.checker();
        Steps steps = new Steps();
        if (!(AUTO_SCALING.presentOrCreatable(a, ctx, steps) && InstanceCode.run(a, ctx, InstanceCode.RUNNING,
                action -> c.checkNew(a, action), steps))) {
            return;
        }
        for (Resource configuration : configurations) {
            Steps s = steps.fork();
            if (!s.allow(c.checkNew(a, CREATE, group(ctx, configuration)))) {
                continue;
            }
            for (Role role : ctx.inventory().rolesOfProfile(configuration.instanceProfileArn())) {
                Steps r = s.fork();
                if (!role.arn().equals(a.arn()) && r.allow(c.serviceAssume("ec2.amazonaws.com", role))) {
                    out.accept(r.to(INFO.id(), role.arn(), false));
                }
            }
        }
    }

    /** The group's request: the configuration's name, in its region; size and subnets unknown. */
    private static RequestContext group(TechniqueContext ctx, Resource configuration) {
        RequestContext.Builder b = ctx.checker().base().toBuilder()
                .put("autoscaling:LaunchConfigurationName", name(configuration))
                .unknown("autoscaling:MinSize").unknown("autoscaling:MaxSize")
                .unknown("autoscaling:VPCZoneIdentifiers");
        String region = Arn.regionOf(configuration.arn());
        if (region != null) {
            b.put("aws:RequestedRegion", region);
        }
        return b.build();
    }

    /** The configuration's name: its ARN ends {@code launchConfigurationName/NAME}. */
    static String name(Resource configuration) {
        String arn = configuration.arn();
        int at = arn.indexOf("launchConfigurationName/");
        return at < 0 ? arn.substring(arn.lastIndexOf('/') + 1)
                : arn.substring(at + "launchConfigurationName/".length());
    }
}
