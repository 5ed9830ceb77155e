package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:PassRole + states:CreateStateMachine + states:StartExecution: create a state machine with a role that trusts Step Functions, whose tasks call AWS APIs with the role, and start it. */
final class StatesCreateStateMachine extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("states-create-state-machine", "iam:PassRole + states:CreateStateMachine + states:StartExecution",
            "create a state machine with a role that trusts Step Functions, whose tasks call AWS APIs with the role, and start it", List.of("iam:PassRole", "states:CreateStateMachine", "states:StartExecution"), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String service() {
        return "states.amazonaws.com";
    }

    @Override
    List<String> actions() {
        return List.of("states:CreateStateMachine", "states:StartExecution");
    }
}
