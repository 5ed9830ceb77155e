package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Resource;
import java.util.List;

/** ssm:SendCommand: run a command on an instance with an instance profile, reading the role's credentials from the instance metadata service. */
final class SsmSendCommand extends ResourceRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("ssm-send-command", "ssm:SendCommand on a resource with a role",
            "run a command on an instance with an instance profile, reading the role's credentials from the instance metadata service", List.of("ssm:SendCommand"), TargetKind.ROLE, "the permissions of the resource's role",
            List.of(Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<String> actions() {
        return List.of("ssm:SendCommand");
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return ctx.inventory().instancesWithProfile();
    }
}
