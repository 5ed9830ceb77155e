package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/**
 * iam:PassRole + apprunner:CreateService: an App Runner service running the attacker's image with an instance
 * role, a role that trusts {@code tasks.apprunner.amazonaws.com} (App Runner Developer Guide, "Instance
 * role"). AWS does not document the value of {@code iam:PassedToService} for it (its managed policy
 * AWSAppRunnerFullAccess tests {@code apprunner.amazonaws.com}, the role trusts the tasks principal), so that
 * key is unknown: a policy testing it makes the edge conditional, never dropped.
 */
final class AppRunnerCreateService extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("apprunner-create-service",
            "iam:PassRole + apprunner:CreateService",
            "create an App Runner service that runs the attacker's image with an instance role",
            List.of("iam:PassRole", "apprunner:CreateService"), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String service() {
        return "tasks.apprunner.amazonaws.com";
    }

    @Override
    boolean passedToServiceDocumented() {
        return false;
    }

    @Override
    List<String> actions() {
        return List.of("apprunner:CreateService");
    }
}
