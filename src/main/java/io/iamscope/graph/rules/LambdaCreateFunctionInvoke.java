package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction: create a function with a role that trusts Lambda and invoke it: the code runs with the role. */
final class LambdaCreateFunctionInvoke extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("lambda-create-function-invoke", "iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction",
            "create a function with a role that trusts Lambda and invoke it: the code runs with the role", List.of("iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String service() {
        return "lambda.amazonaws.com";
    }

    @Override
    List<String> actions() {
        return List.of("lambda:CreateFunction", "lambda:InvokeFunction");
    }
}
