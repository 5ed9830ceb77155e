package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:PassRole + sagemaker:CreateProcessingJob: start a processing job with a role that trusts SageMaker and a container image of the attacker's. */
final class SageMakerCreateProcessingJob extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("sagemaker-create-processing-job", "iam:PassRole + sagemaker:CreateProcessingJob",
            "start a processing job with a role that trusts SageMaker and a container image of the attacker's", List.of("iam:PassRole", "sagemaker:CreateProcessingJob"), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.BISHOPFOX, Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String service() {
        return "sagemaker.amazonaws.com";
    }

    @Override
    List<String> actions() {
        return List.of("sagemaker:CreateProcessingJob");
    }
}
