package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:PassRole + autoscaling:CreateLaunchConfiguration + autoscaling:CreateAutoScalingGroup: create a launch configuration with an instance profile whose role trusts EC2 and a group that launches it. */
final class AutoScalingLaunchConfiguration extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("autoscaling-create-launch-configuration", "iam:PassRole + autoscaling:CreateLaunchConfiguration + autoscaling:CreateAutoScalingGroup",
            "create a launch configuration with an instance profile whose role trusts EC2 and a group that launches it", List.of("iam:PassRole", "autoscaling:CreateLaunchConfiguration", "autoscaling:CreateAutoScalingGroup"), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.BISHOPFOX, Refs.PATHFINDING));

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
        return List.of("autoscaling:CreateLaunchConfiguration", "autoscaling:CreateAutoScalingGroup");
    }

    /** Only roles in an instance profile can be given to an instance (EC2 User Guide: "IAM roles for Amazon EC2"). */
    @Override
    boolean instanceProfilesOnly() {
        return true;
    }
}
