package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:PassRole + cloudformation:CreateStack: create a stack with a service role that trusts CloudFormation: the template's resources are created with the role. */
final class CloudFormationCreateStack extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("cloudformation-create-stack", "iam:PassRole + cloudformation:CreateStack",
            "create a stack with a service role that trusts CloudFormation: the template's resources are created with the role", List.of("iam:PassRole", "cloudformation:CreateStack"), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String service() {
        return "cloudformation.amazonaws.com";
    }

    @Override
    List<String> actions() {
        return List.of("cloudformation:CreateStack");
    }
}
