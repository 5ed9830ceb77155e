package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/**
 * iam:PassRole + ecs:RegisterTaskDefinition + a way to run the task: register a task definition with a task
 * role that trusts ECS tasks, then run it directly (ecs:RunTask) or as a new service (ecs:CreateService, which
 * runs and restarts its tasks with the role).
 */
final class EcsRunTask extends PassRoleTechnique {
    private final String runAction;
    private final TechniqueInfo info;

    private EcsRunTask(String id, String runAction, String how, List<String> refs) {
        this.runAction = runAction;
        this.info = new TechniqueInfo(id, "iam:PassRole + ecs:RegisterTaskDefinition + " + runAction,
                "register a task definition with a task role that trusts ECS tasks and " + how,
                List.of("iam:PassRole", "ecs:RegisterTaskDefinition", runAction), TargetKind.ROLE,
                "the permissions of the passed role", refs);
    }

    static EcsRunTask runTask() {
        return new EcsRunTask("ecs-run-task", "ecs:RunTask", "run it", List.of(Refs.BISHOPFOX, Refs.PATHFINDING));
    }

    static EcsRunTask createService() {
        return new EcsRunTask("ecs-create-service", "ecs:CreateService", "run it as a new service",
                List.of(Refs.COMPOSED));
    }

    @Override
    public TechniqueInfo info() {
        return info;
    }

    @Override
    String service() {
        return "ecs-tasks.amazonaws.com";
    }

    @Override
    List<String> actions() {
        return List.of("ecs:RegisterTaskDefinition", runAction);
    }
}
