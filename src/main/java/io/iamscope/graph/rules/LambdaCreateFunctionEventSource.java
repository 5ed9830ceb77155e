package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:PassRole + lambda:CreateFunction + lambda:CreateEventSourceMapping: create a function with a role that trusts Lambda and have an event source (a stream or queue) trigger it. */
final class LambdaCreateFunctionEventSource extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("lambda-create-function-event-source", "iam:PassRole + lambda:CreateFunction + lambda:CreateEventSourceMapping",
            "create a function with a role that trusts Lambda and have an event source (a stream or queue) trigger it", List.of("iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING));

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
        return List.of("lambda:CreateFunction", "lambda:CreateEventSourceMapping");
    }
}
