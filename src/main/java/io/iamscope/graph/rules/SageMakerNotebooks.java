package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Resource;
import java.util.List;
import java.util.Set;

/**
 * SageMaker notebook instances that run with a role ({@code AWS::SageMaker::NotebookInstance}, its
 * {@code RoleArn} as {@code roleArn}), and what their recorded status says. The notebook's Jupyter server and its
 * lifecycle scripts run on the instance, whose role credentials the instance metadata service serves (SageMaker
 * Developer Guide, "Notebook instances": the IAM role "that SageMaker AI can assume to perform tasks on your
 * behalf").
 */
final class SageMakerNotebooks {
    static final String TYPE = "AWS::SageMaker::NotebookInstance";
    /** Statuses in which nothing can be done with the instance (SageMaker API Reference, NotebookInstanceStatus). */
    private static final Set<String> GONE = Set.of("Deleting", "Failed");

    private SageMakerNotebooks() {
    }

    /** The notebooks with a role that are not being deleted or failed. */
    static List<Resource> usable(TechniqueContext ctx) {
        return ctx.inventory().withRole(TYPE).stream().filter(r -> !GONE.contains(status(r))).toList();
    }

    /** Whether the notebook is recorded as stopped (it must be started to be used). Unknown: not stopped. */
    static boolean stopped(Resource notebook) {
        return "Stopped".equals(status(notebook));
    }

    private static String status(Resource r) {
        return r.properties().get("NotebookInstanceStatus") instanceof String s ? s : "";
    }
}
