package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.Resource;
import java.util.List;

/**
 * A lifecycle configuration swapped onto an existing notebook instance with a role:
 * sagemaker:CreateNotebookInstanceLifecycleConfig (a new configuration whose {@code OnStart} script is the
 * attacker's), sagemaker:StopNotebookInstance, sagemaker:UpdateNotebookInstance (its
 * {@code LifecycleConfigName}) and sagemaker:StartNotebookInstance. The script runs as root on the instance each time
 * it starts (SageMaker Developer Guide, "Customization of a SageMaker notebook instance using an LCC script"), with
 * the role's credentials in the instance metadata service. UpdateNotebookInstance needs a stopped instance (SageMaker
 * API Reference, UpdateNotebookInstance): StopNotebookInstance is not needed for one recorded as {@code Stopped}.
 * The instance actions are authorized on the notebook instance, the create on the new configuration (Service
 * Authorization Reference, Amazon SageMaker); UpdateNotebookInstance's keys ({@code sagemaker:RootAccess},
 * {@code sagemaker:NotebookInstanceLifecycleConfigArns}, ...) are the attacker's to choose: declared unknown.
 */
final class SageMakerNotebookLifecycleConfig extends ResourceRoleTechnique {
    private static final String CREATE = "sagemaker:CreateNotebookInstanceLifecycleConfig";
    private static final String UPDATE = "sagemaker:UpdateNotebookInstance";
    private static final String START = "sagemaker:StartNotebookInstance";
    private static final String STOP = "sagemaker:StopNotebookInstance";
    private static final List<String> CHOSEN = List.of("sagemaker:AcceleratorTypes", "sagemaker:InstanceTypes",
            "sagemaker:MinimumInstanceMetadataServiceVersion", "sagemaker:NotebookInstanceLifecycleConfigArns",
            "sagemaker:RootAccess");
    private static final TechniqueInfo INFO = new TechniqueInfo("sagemaker-notebook-lifecycle-config",
            "a new lifecycle configuration on a notebook instance with a role (stop, update, start)",
            "create a lifecycle configuration with the attacker's start script, stop an existing notebook instance,"
                    + " attach the configuration and start it: the script runs as root with the notebook's role",
            List.of(CREATE, UPDATE, START), TargetKind.ROLE, "the permissions of the notebook's role",
            List.of(Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<String> newActions() {
        return List.of(CREATE);
    }

    @Override
    List<String> actions() {
        return List.of(UPDATE, START);
    }

    @Override
    List<String> chosenKeys(String action) {
        return action.equals(UPDATE) ? CHOSEN : List.of();
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return SageMakerNotebooks.usable(ctx);
    }

    @Override
    List<ActionOn> alsoOn(Resource notebook) {
        return SageMakerNotebooks.stopped(notebook) ? List.of() : List.of(new ActionOn(STOP, notebook.arn()));
    }

    @Override
    public boolean grantableByResourcePolicy() {
        return false;
    }
}
