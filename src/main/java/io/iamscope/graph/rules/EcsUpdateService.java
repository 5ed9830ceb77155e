package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.access.Targets;
import io.iamscope.model.Resource;
import java.util.List;

/**
 * iam:PassRole + ecs:RegisterTaskDefinition + ecs:UpdateService on an existing service: register a task
 * definition with a task role that trusts ECS tasks, then point a running service of the account at it; the
 * service replaces its tasks with ones that run the attacker's containers with that role. Needs a service
 * (collected as {@code AWS::ECS::Service}) on which UpdateService is allowed; UpdateService is authorized on
 * the service (Service Authorization Reference, Amazon ECS: UpdateService, resource type {@code service}).
 * Of the services that allow it, a definite one is the evidence, else the first conditional one.
 */
final class EcsUpdateService extends PassRoleTechnique {
    static final String TYPE = "AWS::ECS::Service";
    private static final String UPDATE = "ecs:UpdateService";
    private static final TechniqueInfo INFO = new TechniqueInfo("ecs-update-service",
            "iam:PassRole + ecs:RegisterTaskDefinition + ecs:UpdateService on an existing service",
            "register a task definition with a task role that trusts ECS tasks and have an existing service run it",
            List.of("iam:PassRole", "ecs:RegisterTaskDefinition", UPDATE), TargetKind.ROLE,
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
        return List.of("ecs:RegisterTaskDefinition");
    }

    @Override
    boolean onExisting(Actor a, TechniqueContext ctx, Steps steps) {
        List<Resource> services = ctx.inventory().ofType(a.account(), TYPE);
        if (services.isEmpty()) {
            return false;
        }
        Targets<Resource> targets = ctx.targets("ecs services " + a.account(), () -> services, Resource::arn);
        Evidence[] found = new Evidence[1];
        ctx.checker().forEachAllowed(a, UPDATE, targets, (service, e) -> {
            if (found[0] == null || (found[0].conditional() && !e.conditional())) {
                found[0] = e;
            }
            return found[0].conditional(); // a definite one ends the search
        });
        return found[0] != null && steps.allow(found[0]);
    }
}
