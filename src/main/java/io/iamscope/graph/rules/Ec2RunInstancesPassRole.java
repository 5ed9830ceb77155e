package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:PassRole + ec2:RunInstances: launch an instance with an instance profile whose role trusts EC2, then use its credentials from the instance metadata service. */
final class Ec2RunInstancesPassRole extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("ec2-run-instances-pass-role", "iam:PassRole + ec2:RunInstances",
            "launch an instance with an instance profile whose role trusts EC2, then use its credentials from the instance metadata service", List.of("iam:PassRole", "ec2:RunInstances"), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

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
        return List.of("ec2:RunInstances");
    }

    /** Only roles in an instance profile can be given to an instance (EC2 User Guide: "IAM roles for Amazon EC2"). */
    @Override
    boolean instanceProfilesOnly() {
        return true;
    }
}
