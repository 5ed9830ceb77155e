package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Resource;
import java.util.List;

/** glue:UpdateDevEndpoint: add the attacker's SSH key to an existing Glue development endpoint and use its role from it. */
final class GlueUpdateDevEndpoint extends ResourceRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("glue-update-dev-endpoint", "glue:UpdateDevEndpoint on a resource with a role",
            "add the attacker's SSH key to an existing Glue development endpoint and use its role from it", List.of("glue:UpdateDevEndpoint"), TargetKind.ROLE, "the permissions of the resource's role",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<String> actions() {
        return List.of("glue:UpdateDevEndpoint");
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return ctx.inventory().withRole("AWS::Glue::DevEndpoint");
    }
}
