package io.iamscope.graph.rules;

import java.util.List;

/**
 * iam:PassRole + bedrock-agentcore:CreateCodeInterpreter, StartCodeInterpreterSession and InvokeCodeInterpreter:
 * a custom AgentCore Code Interpreter with an execution role runs the attacker's code with that role's
 * credentials. The execution role trusts {@code bedrock-agentcore.amazonaws.com} (Amazon Bedrock AgentCore
 * Developer Guide, "Resource and session management"); the interpreter is the attacker's own, so the session
 * actions are checked on a new resource. AWS documents no value of {@code iam:PassedToService} for it: unknown.
 */
final class BedrockAgentCoreCodeInterpreter extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("bedrock-agentcore-code-interpreter",
            "iam:PassRole + bedrock-agentcore:CreateCodeInterpreter + bedrock-agentcore:StartCodeInterpreterSession"
                    + " + bedrock-agentcore:InvokeCodeInterpreter",
            "create an AgentCore Code Interpreter with an execution role and run code in a session of it",
            List.of("iam:PassRole", "bedrock-agentcore:CreateCodeInterpreter",
                    "bedrock-agentcore:StartCodeInterpreterSession", "bedrock-agentcore:InvokeCodeInterpreter"),
            TargetKind.ROLE, "the permissions of the passed role", List.of(Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String service() {
        return "bedrock-agentcore.amazonaws.com";
    }

    @Override
    boolean passedToServiceDocumented() {
        return false;
    }

    @Override
    List<String> actions() {
        return List.of("bedrock-agentcore:CreateCodeInterpreter", "bedrock-agentcore:StartCodeInterpreterSession",
                "bedrock-agentcore:InvokeCodeInterpreter");
    }
}
