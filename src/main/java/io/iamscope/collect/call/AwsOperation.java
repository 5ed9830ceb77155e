package io.iamscope.collect.call;

import java.util.Locale;
import java.util.Optional;

/**
 * Every AWS API operation the collector calls, in one registry. The code makes each call through
 * {@link Calls} naming one of these, and a test checks that {@code docs/collect-policy.json} grants exactly
 * their IAM actions and that every request the collector sends is one of them.
 */
public enum AwsOperation {
    STS_GET_CALLER_IDENTITY("sts", "GetCallerIdentity"),
    STS_ASSUME_ROLE("sts", "AssumeRole"),

    IAM_GET_ACCOUNT_AUTHORIZATION_DETAILS("iam", "GetAccountAuthorizationDetails"),
    IAM_LIST_USERS("iam", "ListUsers"),
    IAM_LIST_ACCESS_KEYS("iam", "ListAccessKeys"),
    IAM_GET_ACCESS_KEY_LAST_USED("iam", "GetAccessKeyLastUsed"),
    IAM_LIST_OPEN_ID_CONNECT_PROVIDERS("iam", "ListOpenIDConnectProviders"),
    IAM_LIST_SAML_PROVIDERS("iam", "ListSAMLProviders"),
    IAM_LIST_ACCOUNT_ALIASES("iam", "ListAccountAliases"),

    ORG_DESCRIBE_ORGANIZATION("organizations", "DescribeOrganization"),
    ORG_LIST_ROOTS("organizations", "ListRoots"),
    ORG_LIST_ORGANIZATIONAL_UNITS_FOR_PARENT("organizations", "ListOrganizationalUnitsForParent"),
    ORG_LIST_ACCOUNTS_FOR_PARENT("organizations", "ListAccountsForParent"),
    ORG_LIST_POLICIES("organizations", "ListPolicies"),
    ORG_DESCRIBE_POLICY("organizations", "DescribePolicy"),
    ORG_LIST_TARGETS_FOR_POLICY("organizations", "ListTargetsForPolicy"),
    ORG_LIST_DELEGATED_ADMINISTRATORS("organizations", "ListDelegatedAdministrators"),

    EC2_DESCRIBE_REGIONS("ec2", "DescribeRegions"),
    EC2_DESCRIBE_INSTANCES("ec2", "DescribeInstances"),
    EC2_DESCRIBE_LAUNCH_TEMPLATES("ec2", "DescribeLaunchTemplates"),
    EC2_DESCRIBE_LAUNCH_TEMPLATE_VERSIONS("ec2", "DescribeLaunchTemplateVersions"),

    // S3's API names differ from its IAM action names for these two.
    S3_LIST_BUCKETS("s3", "ListBuckets", "ListAllMyBuckets"),
    S3_GET_BUCKET_LOCATION("s3", "GetBucketLocation"),
    S3_GET_BUCKET_POLICY("s3", "GetBucketPolicy"),
    S3_GET_PUBLIC_ACCESS_BLOCK("s3", "GetPublicAccessBlock", "GetBucketPublicAccessBlock"),
    S3_GET_BUCKET_TAGGING("s3", "GetBucketTagging"),

    KMS_LIST_KEYS("kms", "ListKeys"),
    KMS_DESCRIBE_KEY("kms", "DescribeKey"),
    KMS_GET_KEY_POLICY("kms", "GetKeyPolicy"),
    KMS_LIST_RESOURCE_TAGS("kms", "ListResourceTags"),

    SQS_LIST_QUEUES("sqs", "ListQueues"),
    SQS_GET_QUEUE_ATTRIBUTES("sqs", "GetQueueAttributes"),
    SQS_LIST_QUEUE_TAGS("sqs", "ListQueueTags"),

    SNS_LIST_TOPICS("sns", "ListTopics"),
    SNS_GET_TOPIC_ATTRIBUTES("sns", "GetTopicAttributes"),
    SNS_LIST_TAGS_FOR_RESOURCE("sns", "ListTagsForResource"),

    LAMBDA_LIST_FUNCTIONS("lambda", "ListFunctions"),
    LAMBDA_GET_POLICY("lambda", "GetPolicy"),
    LAMBDA_LIST_TAGS("lambda", "ListTags"),

    SECRETSMANAGER_LIST_SECRETS("secretsmanager", "ListSecrets"),
    SECRETSMANAGER_GET_RESOURCE_POLICY("secretsmanager", "GetResourcePolicy"),

    ECR_DESCRIBE_REPOSITORIES("ecr", "DescribeRepositories"),
    ECR_GET_REPOSITORY_POLICY("ecr", "GetRepositoryPolicy"),
    ECR_LIST_TAGS_FOR_RESOURCE("ecr", "ListTagsForResource"),

    ECS_LIST_CLUSTERS("ecs", "ListClusters"),
    ECS_LIST_TASKS("ecs", "ListTasks"),
    ECS_DESCRIBE_TASKS("ecs", "DescribeTasks"),
    ECS_DESCRIBE_TASK_DEFINITION("ecs", "DescribeTaskDefinition"),
    ECS_LIST_SERVICES("ecs", "ListServices"),
    ECS_DESCRIBE_SERVICES("ecs", "DescribeServices"),
    ECS_LIST_CONTAINER_INSTANCES("ecs", "ListContainerInstances"),

    CODEBUILD_LIST_PROJECTS("codebuild", "ListProjects"),
    CODEBUILD_BATCH_GET_PROJECTS("codebuild", "BatchGetProjects"),

    APPRUNNER_LIST_SERVICES("apprunner", "ListServices"),
    APPRUNNER_DESCRIBE_SERVICE("apprunner", "DescribeService"),
    APPRUNNER_LIST_TAGS_FOR_RESOURCE("apprunner", "ListTagsForResource"),

    CLOUDFORMATION_DESCRIBE_STACKS("cloudformation", "DescribeStacks"),
    CLOUDFORMATION_LIST_STACK_SETS("cloudformation", "ListStackSets"),
    CLOUDFORMATION_DESCRIBE_STACK_SET("cloudformation", "DescribeStackSet"),
    CLOUDFORMATION_LIST_STACK_INSTANCES("cloudformation", "ListStackInstances"),

    AUTOSCALING_DESCRIBE_AUTO_SCALING_GROUPS("autoscaling", "DescribeAutoScalingGroups"),

    GLUE_GET_JOBS("glue", "GetJobs"),
    GLUE_GET_TAGS("glue", "GetTags"),

    SAGEMAKER_LIST_NOTEBOOK_INSTANCES("sagemaker", "ListNotebookInstances"),
    SAGEMAKER_DESCRIBE_NOTEBOOK_INSTANCE("sagemaker", "DescribeNotebookInstance"),
    SAGEMAKER_LIST_TAGS("sagemaker", "ListTags"),

    BEDROCK_AGENTCORE_LIST_CODE_INTERPRETERS("bedrock-agentcore", "ListCodeInterpreters"),
    BEDROCK_AGENTCORE_GET_CODE_INTERPRETER("bedrock-agentcore", "GetCodeInterpreter"),
    BEDROCK_AGENTCORE_LIST_TAGS_FOR_RESOURCE("bedrock-agentcore", "ListTagsForResource");

    private final String service;
    private final String operation;
    private final String action;

    AwsOperation(String service, String operation) {
        this(service, operation, operation);
    }

    AwsOperation(String service, String operation, String action) {
        this.service = service;
        this.operation = operation;
        this.action = action;
    }

    /** The IAM service prefix, also the SigV4 signing name: {@code iam}, {@code s3}, ... */
    public String service() {
        return service;
    }

    /** The API operation name as it appears on the wire: {@code GetAccountAuthorizationDetails}. */
    public String operation() {
        return operation;
    }

    /** The IAM action that authorizes the call: {@code s3:ListAllMyBuckets}. */
    public String iamAction() {
        return service + ":" + action;
    }

    /** The registered operation of that service and API name, if any (names compared case-insensitively). */
    public static Optional<AwsOperation> find(String service, String operation) {
        for (AwsOperation op : values()) {
            if (op.service.equals(service) && op.operation.toLowerCase(Locale.ROOT)
                    .equals(operation.toLowerCase(Locale.ROOT))) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
