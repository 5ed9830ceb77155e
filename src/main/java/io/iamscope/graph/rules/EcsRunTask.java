package io.iamscope.graph.rules;

import java.util.List;

/** iam:PassRole + ecs:RegisterTaskDefinition + ecs:RunTask: register a task definition with a task role that trusts ECS tasks and run it. */
final class EcsRunTask extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("ecs-run-task", "iam:PassRole + ecs:RegisterTaskDefinition + ecs:RunTask",
            "register a task definition with a task role that trusts ECS tasks and run it", List.of("iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.BISHOPFOX, Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String service() {
        return "ecs-tasks.amazonaws.com";
    }

    @Override
    List<String> actions() {
        return List.of("ecs:RegisterTaskDefinition", "ecs:RunTask");
    }
}
