package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Technique;
import java.util.List;

/**
 * The registry: every escalation technique the graph knows, in one explicit list (no classpath scanning).
 * docs/techniques.md documents each; src/test/resources/techniques/ holds a positive and a near-miss fixture
 * for each.
 */
public final class BuiltInTechniques {
    public static final List<Technique> ALL = List.of(
            // Writing policies onto oneself, one's group, or a role one can assume.
            new IamCreatePolicyVersion(),
            new IamSetDefaultPolicyVersion(),
            new IamAttachUserPolicy(),
            new IamPutUserPolicy(),
            new IamAttachGroupPolicy(),
            new IamPutGroupPolicy(),
            new IamAttachRolePolicy(),
            new IamPutRolePolicy(),
            new IamAddUserToGroup(),
            // Permissions boundaries.
            new IamDeleteUserPermissionsBoundary(),
            new IamDeleteRolePermissionsBoundary(),
            new IamPutUserPermissionsBoundary(),
            new IamPutRolePermissionsBoundary(),
            // Other principals' credentials and trust.
            new IamCreateAccessKey(),
            new IamCreateLoginProfile(),
            new IamUpdateLoginProfile(),
            new IamUpdateAssumeRolePolicy(),
            // New principals made administrators.
            new IamCreateUserWithPolicy(),
            new IamCreateRoleWithPolicy(),
            // Passing a role to a service.
            new Ec2RunInstancesPassRole(),
            new LambdaCreateFunctionInvoke(),
            new LambdaCreateFunctionEventSource(),
            new GlueCreateDevEndpoint(),
            new CloudFormationCreateStack(),
            new DataPipelineCreatePipeline(),
            new SageMakerCreateNotebookInstance(),
            new SageMakerCreateTrainingJob(),
            new SageMakerCreateProcessingJob(),
            new CodeBuildCreateProject(),
            EcsRunTask.runTask(),
            EcsRunTask.createService(),
            new EcsUpdateService(),
            new StatesCreateStateMachine(),
            new AutoScalingLaunchConfiguration(),
            new AppRunnerCreateService(),
            BedrockAgentCore.codeInterpreter(),
            BedrockAgentCore.agentRuntime(),
            // Code execution in existing resources that run with a role.
            new LambdaUpdateFunctionCode(),
            new GlueUpdateDevEndpoint(),
            new SsmSendCommand(),
            new SsmStartSession(),
            new Ec2InstanceConnect(),
            new Ec2ModifyInstanceUserData(),
            new EcsExecuteCommand(),
            CodeBuildStartBuild.single(),
            CodeBuildStartBuild.batch(),
            new AppRunnerUpdateService());

    private BuiltInTechniques() {
    }

    /** The technique of the given id, if any. */
    public static java.util.Optional<Technique> byId(String id) {
        return ALL.stream().filter(t -> t.info().id().equals(id)).findFirst();
    }
}
