package io.iamscope.graph.rules;

import java.util.List;

/**
 * iam:PassRole + bedrock-agentcore:CreateAgentRuntime + bedrock-agentcore:InvokeAgentRuntime: an AgentCore
 * Runtime of the attacker's, with an execution role, runs the attacker's agent (its container or code) with that
 * role's credentials when invoked. The execution role trusts {@code bedrock-agentcore.amazonaws.com} (Amazon
 * Bedrock AgentCore Developer Guide, "IAM Permissions for AgentCore Runtime", execution role); the runtime is
 * new, so both actions are checked on a new resource. Not checked: that the role may fetch the attacker's
 * artifact (an ECR image or code in S3), which an attacker with these permissions can usually arrange; an
 * over-approximation, as the soundness rule asks. AWS documents no {@code iam:PassedToService} value
 * for AgentCore: unknown.
 */
final class BedrockAgentCoreAgentRuntime extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("bedrock-agentcore-agent-runtime",
            "iam:PassRole + bedrock-agentcore:CreateAgentRuntime + bedrock-agentcore:InvokeAgentRuntime",
            "create an AgentCore Runtime with an execution role that runs the attacker's agent, and invoke it",
            List.of("iam:PassRole", "bedrock-agentcore:CreateAgentRuntime", "bedrock-agentcore:InvokeAgentRuntime"),
            TargetKind.ROLE, "the permissions of the passed role", List.of(Refs.COMPOSED));

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
        return List.of("bedrock-agentcore:CreateAgentRuntime", "bedrock-agentcore:InvokeAgentRuntime");
    }
}
