package io.iamscope.eval.local;

import java.util.Set;

/**
 * The services whose resources RCPs govern. "RCPs apply to the following AWS services: Amazon S3, AWS STS,
 * AWS KMS, Amazon SQS, AWS Secrets Manager, Amazon Cognito, Amazon CloudWatch Logs, Amazon DynamoDB, Amazon
 * ECR, Amazon OpenSearch Serverless" (AWS Organizations User Guide: Resource control policies, "List of AWS
 * services that support RCPs"). For any other service an RCP changes nothing.
 */
final class RcpScope {
    private static final Set<String> SERVICES = Set.of("s3", "sts", "kms", "sqs", "secretsmanager",
            "cognito-identity", "cognito-idp", "logs", "dynamodb", "ecr", "aoss");

    private RcpScope() {
    }

    static boolean covers(String service) {
        return SERVICES.contains(service);
    }
}
