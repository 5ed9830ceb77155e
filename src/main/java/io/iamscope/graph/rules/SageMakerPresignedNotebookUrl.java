package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.Resource;
import java.util.List;

/**
 * sagemaker:CreatePresignedNotebookInstanceUrl on an existing notebook instance with a role: the URL opens the
 * notebook's Jupyter server, whose terminal runs commands on the instance with the role's credentials (SageMaker API
 * Reference, CreatePresignedNotebookInstanceUrl: "the IAM role ... used to access the notebook instance").
 * Authorized on the notebook instance (Service Authorization Reference, Amazon SageMaker: resource type
 * {@code notebook-instance}, required). A notebook recorded as {@code Stopped} must be started first:
 * sagemaker:StartNotebookInstance on it too. SageMaker has no resource-based policies on notebook instances.
 */
final class SageMakerPresignedNotebookUrl extends ResourceRoleTechnique {
    private static final String URL = "sagemaker:CreatePresignedNotebookInstanceUrl";
    private static final TechniqueInfo INFO = new TechniqueInfo("sagemaker-create-presigned-notebook-url",
            URL + " on a notebook instance with a role",
            "open an existing notebook instance through a presigned URL and run commands in its Jupyter terminal with"
                    + " the notebook's role",
            List.of(URL), TargetKind.ROLE, "the permissions of the notebook's role",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<String> actions() {
        return List.of(URL);
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return SageMakerNotebooks.usable(ctx);
    }

    @Override
    List<ActionOn> alsoOn(Resource notebook) {
        return SageMakerNotebooks.stopped(notebook)
                ? List.of(new ActionOn("sagemaker:StartNotebookInstance", notebook.arn())) : List.of();
    }

    @Override
    public boolean grantableByResourcePolicy() {
        return false;
    }
}
