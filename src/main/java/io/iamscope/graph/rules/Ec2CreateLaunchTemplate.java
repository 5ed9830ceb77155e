package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.InstanceProfile;
import io.iamscope.model.Role;
import io.iamscope.policy.Arn;
import java.util.ArrayList;
import java.util.List;

/**
 * iam:PassRole + ec2:CreateLaunchTemplate + ec2:RunInstances with that template: a template naming the instance
 * profile of a role that trusts EC2, and user data of the attacker's, then an instance launched from it. Creating
 * a template checks none of the resources it names ("You can't use resource-level permissions to restrict the
 * resources that users can specify in a launch template"; the user of a template needs the permissions for them:
 * EC2 User Guide, "IAM permissions required for Amazon EC2 launch templates"), so the role is passed when the
 * instance launches: RunInstances is checked with {@code ec2:LaunchTemplate} = the new template and
 * {@code ec2:InstanceProfile} = the role's profile (Service Authorization Reference, EC2: RunInstances, resource
 * types instance and launch-template), on the instance and on the template. {@code ec2:IsLaunchTemplateResource}
 * is the attacker's pick (it puts every parameter in the template, or overrides some at launch): both values are
 * tried. This is the path where RunInstances is allowed only with a launch template, which
 * {@code ec2-run-instances-pass-role} does not take.
 */
final class Ec2CreateLaunchTemplate extends PassRoleTechnique {
    private static final String CREATE = "ec2:CreateLaunchTemplate";
    private static final String RUN = "ec2:RunInstances";
    private static final TechniqueInfo INFO = new TechniqueInfo("ec2-create-launch-template",
            "iam:PassRole + ec2:CreateLaunchTemplate + ec2:RunInstances with the template",
            "create a launch template with an instance profile whose role trusts EC2 and user data of its own, and"
                    + " launch an instance from it",
            List.of("iam:PassRole", CREATE, RUN), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.COMPOSED));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String service() {
        return "ec2.amazonaws.com";
    }

    @Override
    List<String> actions() {
        return List.of(CREATE);
    }

    @Override
    boolean instanceProfilesOnly() {
        return true;
    }

    @Override
    boolean forRole(Actor a, TechniqueContext ctx, Role role, Steps steps) {
        AccessChecker c = ctx.checker();
        String template = template(a, c.checkNew(a, CREATE).resource());
        String region = Arn.regionOf(template);
        List<RequestContext> launches = new ArrayList<>();
        for (InstanceProfile profile : role.instanceProfiles()) {
            for (String fromTemplate : List.of("true", "false")) {
                launches.add(c.base().toBuilder().put("aws:RequestedRegion", region).put("ec2:LaunchTemplate", template)
                        .put("ec2:InstanceProfile", profile.arn()).put("ec2:IsLaunchTemplateResource", fromTemplate)
                        .build());
            }
        }
        return Alternatives.first(launches, steps, (launch, s) -> s.allow(c.checkNew(a, RUN, launch))
                && s.allow(c.check(a, RUN, template, launch)));
    }

    /** The new template's ARN: the one its creation was checked on, or one in the default region. */
    private static String template(Actor a, String created) {
        if (Arn.regionOf(created) != null) {
            return created;
        }
        return "arn:aws:ec2:us-east-1:" + a.account() + ":launch-template/lt-0iamscope";
    }}
