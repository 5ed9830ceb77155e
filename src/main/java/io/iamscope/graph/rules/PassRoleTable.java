package io.iamscope.graph.rules;

import static io.iamscope.graph.rules.PassRoleToService.row;

import java.util.List;

/**
 * The pass-role techniques that are pure data, one row each: the service principal the passed role must trust,
 * the actions that create and start what runs with it, and the sources. Each row is still a technique with its
 * own id, fixtures (src/test/resources/techniques/ID/) and entry in docs/techniques.md.
 */
final class PassRoleTable {
    private PassRoleTable() {
    }

    /** The row of the given id. */
    static PassRoleToService get(String id) {
        return ROWS.stream().filter(r -> r.info().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pass-role row `" + id + "`"));
    }

    static final List<PassRoleToService> ROWS = List.of(
            row("ec2-run-instances-pass-role", "ec2.amazonaws.com", List.of("ec2:RunInstances"),
                    "launch an instance with an instance profile whose role trusts EC2, then use its credentials"
                            + " from the instance metadata service",
                    List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER)).toInstanceProfilesOnly()
                    .withRoleKey("ec2:RunInstances", "ec2:InstanceProfile"),
            // EC2 launches and manages Spot Instances with its service-linked role AWSServiceRoleForEC2Spot, which
            // must exist before a request made through the API (EC2 User Guide, "Service-linked role for Spot
            // Instance requests"): in the snapshot, or created by the attacker. The requester passes the role
            // (EC2 User Guide, "Grant permissions to attach an IAM role to an instance").
            row("ec2-request-spot-instances", "ec2.amazonaws.com", List.of("ec2:RequestSpotInstances"),
                    "request a Spot Instance with an instance profile whose role trusts EC2, then use its credentials"
                            + " from the instance metadata service",
                    List.of(Refs.PATHFINDING)).toInstanceProfilesOnly()
                    .withServiceLinkedRole("spot.amazonaws.com", "AWSServiceRoleForEC2Spot"),
            row("lambda-create-function-invoke", "lambda.amazonaws.com",
                    List.of("lambda:CreateFunction", "lambda:InvokeFunction"),
                    "create a function with a role that trusts Lambda and invoke it: the code runs with the role",
                    List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER)),
            row("lambda-create-function-event-source", "lambda.amazonaws.com",
                    List.of("lambda:CreateFunction", "lambda:CreateEventSourceMapping"),
                    "create a function with a role that trusts Lambda and have an event source (a stream or queue)"
                            + " trigger it",
                    List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING)),
            // The function policy's principal (lambda:Principal) is the attacker's to pick: an account of its own,
            // or a service it can make call the function (Lambda Developer Guide, "Granting function access to
            // other accounts"; Service Authorization Reference, Lambda: AddPermission). Invoked that way, the
            // function needs no lambda:InvokeFunction of the attacker in this account.
            row("lambda-create-function-add-permission", "lambda.amazonaws.com",
                    List.of("lambda:CreateFunction", "lambda:AddPermission"),
                    "create a function with a role that trusts Lambda and add a function policy that lets an account"
                            + " or service of the attacker's invoke it",
                    List.of(Refs.PATHFINDING)).withAttackerKeys("lambda:Principal", "lambda:FunctionUrlAuthType"),
            row("glue-create-dev-endpoint", "glue.amazonaws.com", List.of("glue:CreateDevEndpoint"),
                    "create a Glue development endpoint with a role that trusts Glue and SSH into it",
                    List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER)),
            row("glue-create-job-start-job-run", "glue.amazonaws.com", List.of("glue:CreateJob", "glue:StartJobRun"),
                    "create a Glue job with a role that trusts Glue and a script of the attacker's, and run it",
                    List.of(Refs.PATHFINDING)),
            // A SCHEDULED or CONDITIONAL trigger created with StartOnCreation starts the job itself (AWS Glue API,
            // CreateTrigger: StartOnCreation), so no glue:StartJobRun or glue:StartTrigger is needed.
            row("glue-create-job-create-trigger", "glue.amazonaws.com", List.of("glue:CreateJob", "glue:CreateTrigger"),
                    "create a Glue job with a role that trusts Glue and a scheduled trigger started on creation that"
                            + " runs it",
                    List.of(Refs.PATHFINDING)),
            row("cloudformation-create-stack", "cloudformation.amazonaws.com", List.of("cloudformation:CreateStack"),
                    "create a stack with a service role that trusts CloudFormation: the template's resources are"
                            + " created with the role",
                    List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER))
                    .withRoleKey("cloudformation:CreateStack", "cloudformation:RoleArn"),
            row("datapipeline-create-pipeline", "datapipeline.amazonaws.com",
                    List.of("datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"),
                    "create a pipeline with a role that trusts Data Pipeline and define an activity that runs the"
                            + " attacker's commands",
                    List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING)),
            row("sagemaker-create-notebook-instance", "sagemaker.amazonaws.com",
                    List.of("sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"),
                    "create a notebook instance with a role that trusts SageMaker and open it through a presigned URL",
                    List.of(Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER)),
            row("sagemaker-create-training-job", "sagemaker.amazonaws.com", List.of("sagemaker:CreateTrainingJob"),
                    "start a training job with a role that trusts SageMaker and a container image of the attacker's",
                    List.of(Refs.BISHOPFOX, Refs.PATHFINDING)),
            row("sagemaker-create-processing-job", "sagemaker.amazonaws.com",
                    List.of("sagemaker:CreateProcessingJob"),
                    "start a processing job with a role that trusts SageMaker and a container image of the"
                            + " attacker's",
                    List.of(Refs.BISHOPFOX, Refs.PATHFINDING)),
            row("codebuild-create-project", "codebuild.amazonaws.com",
                    List.of("codebuild:CreateProject", "codebuild:StartBuild"),
                    "create a build project with a service role that trusts CodeBuild and start a build whose"
                            + " buildspec runs the attacker's commands",
                    List.of(Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER))
                    .withRoleKey("codebuild:CreateProject", "codebuild:serviceRole"),
            row("codebuild-create-project-batch", "codebuild.amazonaws.com",
                    List.of("codebuild:CreateProject", "codebuild:StartBuildBatch"),
                    "create a build project with a service role that trusts CodeBuild and start a batch build whose"
                            + " buildspec runs the attacker's commands",
                    List.of(Refs.PATHFINDING))
                    .withRoleKey("codebuild:CreateProject", "codebuild:serviceRole",
                            "codebuild:buildBatchConfig.serviceRole"),
            row("ecs-run-task", "ecs-tasks.amazonaws.com", List.of("ecs:RegisterTaskDefinition", "ecs:RunTask"),
                    "register a task definition with a task role that trusts ECS tasks and run it",
                    List.of(Refs.BISHOPFOX, Refs.PATHFINDING)),
            row("ecs-create-service", "ecs-tasks.amazonaws.com",
                    List.of("ecs:RegisterTaskDefinition", "ecs:CreateService"),
                    "register a task definition with a task role that trusts ECS tasks and run it as a new service",
                    List.of(Refs.COMPOSED)),
            row("states-create-state-machine", "states.amazonaws.com",
                    List.of("states:CreateStateMachine", "states:StartExecution"),
                    "create a state machine with a role that trusts Step Functions, whose tasks call AWS APIs with"
                            + " the role, and start it",
                    List.of(Refs.PATHFINDING)),
            row("autoscaling-create-launch-configuration", "ec2.amazonaws.com",
                    List.of("autoscaling:CreateLaunchConfiguration", "autoscaling:CreateAutoScalingGroup"),
                    "create a launch configuration with an instance profile whose role trusts EC2 and a group that"
                            + " launches it",
                    List.of(Refs.BISHOPFOX, Refs.PATHFINDING)).toInstanceProfilesOnly(),
            // The role trusts the tasks principal (App Runner Developer Guide, "Instance role"); its managed
            // policy AWSAppRunnerFullAccess tests apprunner.amazonaws.com: AWS documents no PassedToService value.
            row("apprunner-create-service", "tasks.apprunner.amazonaws.com", List.of("apprunner:CreateService"),
                    "create an App Runner service that runs the attacker's image with an instance role",
                    List.of(Refs.PATHFINDING)).withPassedToServiceUndocumented(),
            // A custom Code Interpreter whose sessions run code with the execution role (Amazon Bedrock AgentCore
            // Developer Guide, "Resource and session management").
            row("bedrock-agentcore-code-interpreter", "bedrock-agentcore.amazonaws.com",
                    List.of("bedrock-agentcore:CreateCodeInterpreter", "bedrock-agentcore:StartCodeInterpreterSession",
                            "bedrock-agentcore:InvokeCodeInterpreter"),
                    "create an AgentCore Code Interpreter with an execution role and run code in a session of it",
                    List.of(Refs.PATHFINDING)).withPassedToServiceUndocumented(),
            // A Runtime that runs the attacker's agent with the execution role when invoked (Developer Guide,
            // "IAM Permissions for AgentCore Runtime"). Not checked: that the role may fetch the attacker's
            // artifact (an ECR image or code in S3), which such an attacker can usually arrange: an
            // over-approximation, as soundness asks.
            row("bedrock-agentcore-agent-runtime", "bedrock-agentcore.amazonaws.com",
                    List.of("bedrock-agentcore:CreateAgentRuntime", "bedrock-agentcore:InvokeAgentRuntime"),
                    "create an AgentCore Runtime with an execution role that runs the attacker's agent, and invoke it",
                    List.of(Refs.COMPOSED)).withPassedToServiceUndocumented());
}
