package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Technique;
import java.util.List;

/**
 * The built-in techniques, in one explicit list (no classpath scanning), in the order the graph builder runs
 * them (which fixes the order of its edges).
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
            new IamCreatePolicyAttach(),
            new IamAddUserToGroup(),
            // Permissions boundaries.
            new IamDeleteUserPermissionsBoundary(),
            new IamDeleteRolePermissionsBoundary(),
            new IamPutUserPermissionsBoundary(),
            new IamPutRolePermissionsBoundary(),
            // Other principals' credentials and trust.
            new IamCreateAccessKey(),
            new IamDeleteAndCreateAccessKey(),
            new IamCreateLoginProfile(),
            new IamUpdateLoginProfile(),
            new IamUpdateAssumeRolePolicy(),
            // New principals made administrators.
            new IamCreateUserWithPolicy(),
            new IamCreateRoleWithPolicy(),
            new IamCreateGroupWithPolicy(),
            // Passing a role to a service (most are rows of one table).
            PassRoleTable.get("ec2-run-instances-pass-role"),
            PassRoleTable.get("ec2-request-spot-instances"),
            new Ec2CreateLaunchTemplate(),
            new Ec2AssociateIamInstanceProfile(),
            new Ec2ReplaceIamInstanceProfileAssociation(),
            PassRoleTable.get("lambda-create-function-invoke"),
            PassRoleTable.get("lambda-create-function-event-source"),
            PassRoleTable.get("lambda-create-function-add-permission"),
            PassRoleTable.get("glue-create-dev-endpoint"),
            PassRoleTable.get("glue-create-job-start-job-run"),
            PassRoleTable.get("glue-create-job-create-trigger"),
            PassRoleTable.get("cloudformation-create-stack"),
            new CloudFormationCreateStackSet(),
            PassRoleTable.get("datapipeline-create-pipeline"),
            PassRoleTable.get("sagemaker-create-notebook-instance"),
            PassRoleTable.get("sagemaker-create-training-job"),
            PassRoleTable.get("sagemaker-create-processing-job"),
            PassRoleTable.get("codebuild-create-project"),
            PassRoleTable.get("codebuild-create-project-batch"),
            new CodeBuildUpdateProject(),
            PassRoleTable.get("ecs-run-task"),
            PassRoleTable.get("ecs-create-service"),
            new EcsStartTask(),
            new EcsUpdateService(),
            PassRoleTable.get("states-create-state-machine"),
            PassRoleTable.get("autoscaling-create-launch-configuration"),
            new AutoScalingExistingLaunchConfiguration(),
            PassRoleTable.get("apprunner-create-service"),
            PassRoleTable.get("bedrock-agentcore-code-interpreter"),
            PassRoleTable.get("bedrock-agentcore-agent-runtime"),
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
            new AppRunnerUpdateService(),
            CloudFormationStackUpdate.direct(),
            CloudFormationStackUpdate.changeSet(),
            new CloudFormationUpdateStackSet(),
            new SageMakerPresignedNotebookUrl(),
            new SageMakerNotebookLifecycleConfig(),
            new BedrockAgentCoreCodeInterpreterSession(),
            new Ec2LaunchTemplateNewVersion(),
            new LambdaUpdateFunctionLayer(),
            // Passing a role to an existing resource: after the techniques that reach its own role without one.
            new LambdaUpdateFunctionRole(),
            new GlueUpdateJob(),
            // Swapping the role of an instance profile.
            new IamInstanceProfileRoleSwap(),
            new IamInstanceProfileRoleSwapRunInstances(),
            // Changing tags to satisfy or escape attribute-based conditions (these run the others again).
            OwnTagsTechnique.tagUser(),
            OwnTagsTechnique.untagUser(),
            OwnTagsTechnique.tagRole(),
            OwnTagsTechnique.untagRole(),
            new TagThenResourceRole(new SsmSendCommand(), "ec2:CreateTags", "ec2:DeleteTags"),
            new TagThenResourceRole(new SsmStartSession(), "ec2:CreateTags", "ec2:DeleteTags"),
            new TagThenResourceRole(new Ec2InstanceConnect(), "ec2:CreateTags", "ec2:DeleteTags"),
            new TagThenResourceRole(new Ec2ModifyInstanceUserData(), "ec2:CreateTags", "ec2:DeleteTags"),
            new TagThenResourceRole(new LambdaUpdateFunctionCode(), "lambda:TagResource", "lambda:UntagResource"),
            new TagThenResourceRole(new GlueUpdateDevEndpoint(), "glue:TagResource", "glue:UntagResource"),
            new TagThenResourceRole(new EcsExecuteCommand(), "ecs:TagResource", "ecs:UntagResource"),
            new TagThenResourceRole(new AppRunnerUpdateService(), "apprunner:TagResource", "apprunner:UntagResource"));

    private BuiltInTechniques() {
    }

    /** The technique of the given id, if any. */
    public static java.util.Optional<Technique> byId(String id) {
        return ALL.stream().filter(t -> t.info().id().equals(id)).findFirst();
    }
}
