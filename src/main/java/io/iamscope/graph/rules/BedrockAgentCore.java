package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/**
 * iam:PassRole to Amazon Bedrock AgentCore, then running the attacker's code with the passed role; the role
 * trusts {@code bedrock-agentcore.amazonaws.com}. The resources are new (the attacker's own), so every action is
 * checked on a new resource. AWS documents no value of {@code iam:PassedToService} for AgentCore: unknown.
 * <ul>
 *   <li>{@link #codeInterpreter()}: CreateCodeInterpreter, StartCodeInterpreterSession and InvokeCodeInterpreter,
 *   a custom Code Interpreter whose sessions run code with the execution role (Amazon Bedrock AgentCore
 *   Developer Guide, "Resource and session management").</li>
 *   <li>{@link #agentRuntime()}: CreateAgentRuntime and InvokeAgentRuntime, a Runtime that runs the attacker's
 *   agent (its container or code) with the execution role when invoked (Developer Guide, "IAM Permissions for
 *   AgentCore Runtime", execution role). Not checked: that the role may fetch the attacker's artifact (an ECR
 *   image or code in S3), which an attacker with these permissions can usually arrange: an
 *   over-approximation, as soundness asks.</li>
 * </ul>
 */
final class BedrockAgentCore extends PassRoleTechnique {
    private final TechniqueInfo info;
    private final List<String> actions;

    private BedrockAgentCore(String id, List<String> actions, String how, List<String> refs) {
        this.actions = List.copyOf(actions);
        List<String> required = new java.util.ArrayList<>(List.of("iam:PassRole"));
        required.addAll(actions);
        this.info = new TechniqueInfo(id, String.join(" + ", required), how, required, TargetKind.ROLE,
                "the permissions of the passed role", refs);
    }

    static BedrockAgentCore codeInterpreter() {
        return new BedrockAgentCore("bedrock-agentcore-code-interpreter",
                List.of("bedrock-agentcore:CreateCodeInterpreter", "bedrock-agentcore:StartCodeInterpreterSession",
                        "bedrock-agentcore:InvokeCodeInterpreter"),
                "create an AgentCore Code Interpreter with an execution role and run code in a session of it",
                List.of(Refs.PATHFINDING));
    }

    static BedrockAgentCore agentRuntime() {
        return new BedrockAgentCore("bedrock-agentcore-agent-runtime",
                List.of("bedrock-agentcore:CreateAgentRuntime", "bedrock-agentcore:InvokeAgentRuntime"),
                "create an AgentCore Runtime with an execution role that runs the attacker's agent, and invoke it",
                List.of(Refs.COMPOSED));
    }

    @Override
    public TechniqueInfo info() {
        return info;
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
        return actions;
    }
}
