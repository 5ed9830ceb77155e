package io.iamscope.model.io.cloudformation;

import java.util.Map;

/**
 * The resource types whose resource-based policies a template may set, with what {@code Ref} and
 * {@code Fn::GetAtt X.Arn} return for each (AWS CloudFormation User Guide, each type's "Return values"): a bucket's
 * name, a queue's URL, a topic's ARN, a function's name, a secret's ARN, a key's id, a repository's name.
 */
enum ServiceResource {
    BUCKET("AWS::S3::Bucket", "BucketName", Ref.NAME, "arn:%1$s:s3:::%4$s"),
    QUEUE("AWS::SQS::Queue", "QueueName", Ref.URL, "arn:%1$s:sqs:%2$s:%3$s:%4$s"),
    TOPIC("AWS::SNS::Topic", "TopicName", Ref.ARN, "arn:%1$s:sns:%2$s:%3$s:%4$s"),
    FUNCTION("AWS::Lambda::Function", "FunctionName", Ref.NAME, "arn:%1$s:lambda:%2$s:%3$s:function:%4$s"),
    // Secrets Manager adds a hyphen and six random characters to a secret's name in its ARN: `??????` here, so that
    // identity policies naming `secret:NAME-*` or `NAME-??????` match it.
    SECRET("AWS::SecretsManager::Secret", "Name", Ref.ARN, "arn:%1$s:secretsmanager:%2$s:%3$s:secret:%4$s-??????"),
    KEY("AWS::KMS::Key", null, Ref.NAME, "arn:%1$s:kms:%2$s:%3$s:key/%4$s"),
    REPOSITORY("AWS::ECR::Repository", "RepositoryName", Ref.NAME, "arn:%1$s:ecr:%2$s:%3$s:repository/%4$s");

    /** What {@code Ref} of the resource returns. */
    enum Ref { NAME, ARN, URL }

    private static final Map<String, ServiceResource> BY_TYPE = Map.of(BUCKET.type, BUCKET, QUEUE.type, QUEUE,
            TOPIC.type, TOPIC, FUNCTION.type, FUNCTION, SECRET.type, SECRET, KEY.type, KEY, REPOSITORY.type,
            REPOSITORY);

    private final String type;
    private final String nameProperty;
    private final Ref ref;
    private final String arnFormat;

    ServiceResource(String type, String nameProperty, Ref ref, String arnFormat) {
        this.type = type;
        this.nameProperty = nameProperty;
        this.ref = ref;
        this.arnFormat = arnFormat;
    }

    static ServiceResource of(String type) {
        return BY_TYPE.get(type);
    }

    String type() {
        return type;
    }

    /** The property that names the resource, or null when it has none (a KMS key). */
    String nameProperty() {
        return nameProperty;
    }

    Ref ref() {
        return ref;
    }

    /** Whether its ARN has a region (an S3 bucket's does not). */
    boolean regional() {
        return this != BUCKET;
    }

    String arn(String partition, String region, String account, String name) {
        return String.format(arnFormat, partition, region, account, name);
    }

    /** A queue's URL (Amazon SQS Developer Guide, "Queue and message identifiers"). */
    static String queueUrl(String region, String account, String name) {
        return "https://sqs." + region + ".amazonaws.com/" + account + "/" + name;
    }
}
