package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Resource;
import java.util.List;

/** lambda:UpdateFunctionCode: replace the code of an existing function that runs with a role; the next invocation runs it with the role. */
final class LambdaUpdateFunctionCode extends ResourceRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("lambda-update-function-code", "lambda:UpdateFunctionCode on a resource with a role",
            "replace the code of an existing function that runs with a role; the next invocation runs it with the role", List.of("lambda:UpdateFunctionCode"), TargetKind.ROLE, "the permissions of the resource's role",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<String> actions() {
        return List.of("lambda:UpdateFunctionCode");
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return ctx.inventory().withRole("AWS::Lambda::Function");
    }
}
