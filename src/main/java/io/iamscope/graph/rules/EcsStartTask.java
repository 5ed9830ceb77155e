package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.Resource;
import io.iamscope.policy.Arn;
import java.util.List;

/**
 * iam:PassRole + ecs:RegisterTaskDefinition + ecs:StartTask: register a task definition with a task role that
 * trusts ECS tasks and start it on a container instance of the account. StartTask places a task on the container
 * instances the request names, EC2 instances registered in a cluster (Amazon ECS API Reference, StartTask:
 * {@code containerInstances} is required; Fargate has none), so it needs one: collected as
 * {@code AWS::ECS::ContainerInstance} (with its {@code clusterArn}; or supplied with {@code --resources}). StartTask
 * is authorized on the task definition with {@code ecs:cluster} and {@code ecs:container-instances} naming where it
 * runs (Service Authorization Reference, Amazon ECS); the first container instance that allows it is the evidence.
 */
final class EcsStartTask extends PassRoleTechnique {
    static final String TYPE = "AWS::ECS::ContainerInstance";
    private static final String START = "ecs:StartTask";
    private static final TechniqueInfo INFO = new TechniqueInfo("ecs-start-task",
            "iam:PassRole + ecs:RegisterTaskDefinition + ecs:StartTask on a container instance",
            "register a task definition with a task role that trusts ECS tasks and start it on a container instance of"
                    + " the account",
            List.of("iam:PassRole", "ecs:RegisterTaskDefinition", START), TargetKind.ROLE,
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
        AccessChecker c = ctx.checker();
        return Alternatives.first(ctx.inventory().ofType(a.account(), TYPE), steps, (instance, s) -> {
            RequestContext.Builder start = c.base().toBuilder().put("ecs:cluster", cluster(instance))
                    .put("ecs:container-instances", instance.arn());
            String region = Arn.regionOf(instance.arn());
            if (region != null) {
                start.put("aws:RequestedRegion", region); // the task definition is registered in that region too
            }
            return s.allow(c.checkNew(a, START, start.build()));
        });
    }

    /**
     * The cluster of a container instance: its record's {@code clusterArn}, else the one its ARN names
     * ({@code container-instance/CLUSTER/ID}).
     */
    static String cluster(Resource instance) {
        Object recorded = instance.properties().get("clusterArn");
        if (recorded instanceof String s) {
            return s;
        }
        String arn = instance.arn();
        int at = arn.indexOf(":container-instance/");
        String rest = at < 0 ? "" : arn.substring(at + ":container-instance/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? arn : arn.substring(0, at) + ":cluster/" + rest.substring(0, slash);
    }
}
