package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:PassRole + glue:CreateDevEndpoint: create a Glue development endpoint with a role that trusts Glue and SSH into it. */
final class GlueCreateDevEndpoint extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("glue-create-dev-endpoint", "iam:PassRole + glue:CreateDevEndpoint",
            "create a Glue development endpoint with a role that trusts Glue and SSH into it", List.of("iam:PassRole", "glue:CreateDevEndpoint"), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String service() {
        return "glue.amazonaws.com";
    }

    @Override
    List<String> actions() {
        return List.of("glue:CreateDevEndpoint");
    }
}
