package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Resource;
import java.util.List;

/**
 * apprunner:UpdateService on an existing App Runner service with an instance role: the request can replace the
 * service's image or code source, start command and environment (App Runner API Reference, UpdateService:
 * {@code SourceConfiguration}), and the new version runs with the service's instance role
 * ({@code InstanceConfiguration.InstanceRoleArn}). A request that leaves the instance role as it is passes no role,
 * so iam:PassRole is not needed (IAM User Guide, "Grant a user permissions to pass a role to an AWS service": a
 * role is passed once, at setup). UpdateService is authorized on the service (Service Authorization Reference,
 * AWS App Runner: resource type {@code service}, required). App Runner has no resource-based policies: only
 * identity policies, boundaries and SCPs can grant it.
 */
final class AppRunnerUpdateService extends ResourceRoleTechnique {
    private static final String TYPE = "AWS::AppRunner::Service";
    private static final String UPDATE = "apprunner:UpdateService";
    private static final TechniqueInfo INFO = new TechniqueInfo("apprunner-update-service",
            "apprunner:UpdateService on a service with an instance role",
            "change the source or start command of an existing App Runner service, which then runs the attacker's"
                    + " code with the service's instance role",
            List.of(UPDATE), TargetKind.ROLE, "the permissions of the service's instance role",
            List.of(Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<String> actions() {
        return List.of(UPDATE);
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return ctx.inventory().withRole(TYPE);
    }

    /** The Service Authorization Reference lists no resource-policy action for App Runner. */
    @Override
    public boolean grantableByResourcePolicy() {
        return false;
    }
}
