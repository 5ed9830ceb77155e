package io.iamscope.synth;

import java.util.List;

/**
 * The actions, resource shapes and condition keys synthetic policies are drawn from: real action names of the
 * services that matter in an incident, so that generated accounts exercise the same code paths (service index,
 * wildcards, escalation techniques) as real ones.
 */
final class Vocabulary {
    static final List<String> READ_ACTIONS = List.of(
            "s3:GetObject", "s3:ListBucket", "s3:GetBucketPolicy", "s3:Get*", "s3:List*",
            "ec2:Describe*", "ec2:DescribeInstances", "ec2:DescribeSnapshots", "ec2:GetConsoleOutput",
            "iam:Get*", "iam:List*", "iam:GetRole", "iam:ListUsers", "iam:GenerateCredentialReport",
            "logs:Describe*", "logs:GetLogEvents", "logs:FilterLogEvents", "cloudwatch:GetMetricData",
            "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:Describe*",
            "lambda:GetFunction", "lambda:List*", "sqs:ReceiveMessage", "sqs:GetQueueAttributes",
            "sns:ListTopics", "kms:Describe*", "kms:List*", "secretsmanager:ListSecrets",
            "ssm:GetParameter", "ssm:GetParametersByPath", "ssm:DescribeInstanceInformation",
            "cloudtrail:LookupEvents", "cloudtrail:DescribeTrails", "ecr:BatchGetImage",
            "ecr:GetDownloadUrlForLayer", "rds:Describe*", "sts:GetCallerIdentity", "tag:GetResources");

    static final List<String> WRITE_ACTIONS = List.of(
            "s3:PutObject", "s3:DeleteObject", "s3:PutBucketPolicy", "ec2:RunInstances", "ec2:StartInstances",
            "ec2:StopInstances", "ec2:CreateSnapshot", "ec2:ModifySnapshotAttribute", "ec2:CreateTags",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "sqs:SendMessage",
            "sqs:DeleteMessage", "sns:Publish", "lambda:InvokeFunction", "lambda:UpdateFunctionCode",
            "lambda:CreateFunction", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
            "secretsmanager:GetSecretValue", "ssm:SendCommand", "ssm:StartSession", "logs:CreateLogStream",
            "logs:PutLogEvents", "logs:DeleteLogGroup", "cloudformation:CreateStack",
            "cloudformation:UpdateStack", "codebuild:StartBuild", "ecs:RunTask", "glue:CreateDevEndpoint",
            "rds:CreateDBSnapshot", "rds:ModifyDBSnapshotAttribute", "cloudtrail:StopLogging",
            "guardduty:DeleteDetector", "ecr:PutImage", "states:StartExecution");

    static final List<String> IAM_WRITE_ACTIONS = List.of(
            "iam:PassRole", "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
            "iam:AttachUserPolicy", "iam:AttachRolePolicy", "iam:AttachGroupPolicy", "iam:PutUserPolicy",
            "iam:PutRolePolicy", "iam:PutGroupPolicy", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
            "iam:AddUserToGroup", "iam:UpdateAssumeRolePolicy", "iam:CreateRole", "iam:TagRole");

    static final List<String> SERVICE_WILDCARDS = List.of("s3:*", "ec2:*", "dynamodb:*", "sqs:*", "sns:*",
            "lambda:*", "logs:*", "cloudwatch:*", "kms:*", "secretsmanager:*", "ssm:*", "ecr:*", "rds:*");

    static final List<String> TRUSTED_SERVICES = List.of("lambda.amazonaws.com", "ec2.amazonaws.com",
            "ecs-tasks.amazonaws.com", "glue.amazonaws.com", "codebuild.amazonaws.com",
            "cloudformation.amazonaws.com", "states.amazonaws.com", "sagemaker.amazonaws.com");

    static final List<String> TEAMS = List.of("payments", "search", "identity", "data", "ml", "platform",
            "mobile", "web", "billing", "growth", "risk", "support");

    static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1");

    private Vocabulary() {
    }
}
