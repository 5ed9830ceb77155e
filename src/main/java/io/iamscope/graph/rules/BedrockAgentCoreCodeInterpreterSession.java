package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.Resource;
import java.util.List;
import java.util.Set;

/**
 * bedrock-agentcore:StartCodeInterpreterSession + bedrock-agentcore:InvokeCodeInterpreter on an existing custom
 * Code Interpreter with an execution role ({@code AWS::BedrockAgentCore::CodeInterpreter}, its
 * {@code executionRoleArn} as {@code roleArn}): the session runs the attacker's code, which acts with the execution
 * role (Amazon Bedrock AgentCore Developer Guide, "Resource and session management": a custom Code Interpreter's
 * execution role "defines what AWS resources the Code Interpreter can access"). Both actions are authorized on the
 * custom interpreter (Service Authorization Reference, Amazon Bedrock AgentCore: resource type
 * {@code code-interpreter-custom}); AWS's built-in interpreter ({@code aws.codeinterpreter.v1}) has no role of the
 * account. An interpreter recorded as being deleted or failed is no candidate.
 */
final class BedrockAgentCoreCodeInterpreterSession extends ResourceRoleTechnique {
    static final String TYPE = "AWS::BedrockAgentCore::CodeInterpreter";
    private static final String START = "bedrock-agentcore:StartCodeInterpreterSession";
    private static final String INVOKE = "bedrock-agentcore:InvokeCodeInterpreter";
    /** Statuses without a usable interpreter (AgentCore Control API Reference, GetCodeInterpreter: status). */
    private static final Set<String> GONE = Set.of("CREATE_FAILED", "DELETING", "DELETE_FAILED", "DELETED");
    private static final TechniqueInfo INFO = new TechniqueInfo("bedrock-agentcore-code-interpreter-session",
            "StartCodeInterpreterSession + InvokeCodeInterpreter on a code interpreter with an execution role",
            "start a session of an existing custom AgentCore Code Interpreter and run code in it with the"
                    + " interpreter's execution role",
            List.of(START, INVOKE), TargetKind.ROLE, "the permissions of the interpreter's execution role",
            List.of(Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<String> actions() {
        return List.of(START, INVOKE);
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return ctx.inventory().withRole(TYPE).stream()
                .filter(r -> !(r.properties().get("status") instanceof String s && GONE.contains(s))).toList();
    }

    @Override
    public boolean grantableByResourcePolicy() {
        return false;
    }
}
