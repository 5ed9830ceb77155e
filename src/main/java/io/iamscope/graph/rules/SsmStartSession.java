package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Resource;
import java.util.List;

/** ssm:StartSession: open a shell on an instance with an instance profile through Session Manager and use the role's credentials. */
final class SsmStartSession extends ResourceRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("ssm-start-session", "ssm:StartSession on a resource with a role",
            "open a shell on an instance with an instance profile through Session Manager and use the role's credentials", List.of("ssm:StartSession"), TargetKind.ROLE, "the permissions of the resource's role",
            List.of(Refs.BISHOPFOX, Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<String> actions() {
        return List.of("ssm:StartSession");
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return ctx.inventory().instancesWithProfile();
    }
}
