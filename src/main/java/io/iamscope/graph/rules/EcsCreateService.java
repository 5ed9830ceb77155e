package io.iamscope.graph.rules;

import java.util.List;

/**
 * iam:PassRole + ecs:RegisterTaskDefinition + ecs:CreateService: register a task definition with a task role
 * that trusts ECS tasks and start it as a service, which runs (and restarts) its tasks with the role; the
 * same as {@link EcsRunTask} for an attacker allowed to create services but not to run tasks.
 */
final class EcsCreateService extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("ecs-create-service",
            "iam:PassRole + ecs:RegisterTaskDefinition + ecs:CreateService",
            "register a task definition with a task role that trusts ECS tasks and run it as a new service",
            List.of("iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:CreateService"), TargetKind.ROLE,
            "the permissions of the passed role", List.of(Refs.COMPOSED));

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
        return List.of("ecs:RegisterTaskDefinition", "ecs:CreateService");
    }
}
