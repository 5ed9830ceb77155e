package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Resource;
import java.util.List;

/**
 * ecs:ExecuteCommand on a running ECS task with a task role: an interactive shell in the task's container
 * (ECS Exec), where the task role's credentials are served to the container. The request is authorized on the
 * task and on its cluster, both required resources of the action (Service Authorization Reference, Amazon ECS:
 * ExecuteCommand). A task recorded with {@code enableExecuteCommand: false} does not accept ECS Exec until
 * redeployed, which this technique does not model; a task whose setting is unknown is a candidate.
 */
final class EcsExecuteCommand extends ResourceRoleTechnique {
    private static final String ACTION = "ecs:ExecuteCommand";
    private static final TechniqueInfo INFO = new TechniqueInfo("ecs-execute-command",
            "ecs:ExecuteCommand on a running task with a task role",
            "open a shell in a running task's container with ECS Exec and use the task role's credentials",
            List.of(ACTION), TargetKind.ROLE, "the permissions of the task's role", List.of(Refs.COMPOSED));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<String> actions() {
        return List.of(ACTION);
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return ctx.inventory().withRole("AWS::ECS::Task").stream()
                .filter(r -> !Boolean.FALSE.equals(r.properties().get("enableExecuteCommand"))).toList();
    }

    @Override
    List<ActionOn> alsoOn(Resource task) {
        String cluster = clusterOf(task);
        return cluster == null ? List.of() : List.of(new ActionOn(ACTION, cluster));
    }

    /** The recorded {@code clusterArn}, else the one the task ARN names ({@code task/CLUSTER/ID}). */
    static String clusterOf(Resource task) {
        if (task.properties().get("clusterArn") instanceof String arn) {
            return arn;
        }
        int slash = task.arn().indexOf(":task/");
        if (slash < 0) {
            return null;
        }
        String rest = task.arn().substring(slash + ":task/".length());
        int end = rest.indexOf('/');
        // An old-format task ARN (task/ID) names no cluster: only the task is checked.
        return end < 0 ? null : task.arn().substring(0, slash) + ":cluster/" + rest.substring(0, end);
    }
}
