package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:PassRole + sagemaker:CreateNotebookInstance + sagemaker:CreatePresignedNotebookInstanceUrl: create a notebook instance with a role that trusts SageMaker and open it through a presigned URL. */
final class SageMakerCreateNotebookInstance extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("sagemaker-create-notebook-instance", "iam:PassRole + sagemaker:CreateNotebookInstance + sagemaker:CreatePresignedNotebookInstanceUrl",
            "create a notebook instance with a role that trusts SageMaker and open it through a presigned URL", List.of("iam:PassRole", "sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

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
        return List.of("sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl");
    }
}
