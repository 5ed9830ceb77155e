package io.iamscope.model.io.cloudtrail;

import io.iamscope.model.Resource;
import io.iamscope.model.io.planned.IamApplier;
import io.iamscope.model.io.planned.LambdaPermission;
import io.iamscope.model.io.planned.ResourcePolicyEdit;
import io.iamscope.model.io.planned.UnknownDocument;
import io.iamscope.model.trail.TrailEvent;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.parse.PolicyParser;
import java.util.Set;

/**
 * Resource-based policies put or deleted, as the services log them (each service's API reference names the
 * request parameters): S3 PutBucketPolicy ({@code bucketName}, {@code bucketPolicy}, logged as an object) and
 * DeleteBucketPolicy; KMS PutKeyPolicy ({@code keyId}, {@code policy}); Secrets Manager PutResourcePolicy and
 * DeleteResourcePolicy ({@code secretId}, {@code resourcePolicy}); SNS SetTopicAttributes of {@code Policy};
 * ECR SetRepositoryPolicy and DeleteRepositoryPolicy ({@code repositoryName}, {@code policyText}); Lambda
 * AddPermission and RemovePermission (one statement, by {@code statementId}; Lambda logs its event names with an
 * API version, {@code AddPermission20150331v2}).
 */
final class CloudTrailResourcePolicies {
    private static final Set<String> CALLS = Set.of("PutBucketPolicy", "DeleteBucketPolicy", "PutKeyPolicy",
            "PutResourcePolicy", "DeleteResourcePolicy", "SetTopicAttributes", "SetRepositoryPolicy",
            "DeleteRepositoryPolicy", "AddPermission", "RemovePermission");

    private final IamApplier to;
    private final EventValues v;
    private final TrailEvent e;

    CloudTrailResourcePolicies(IamApplier to, EventValues v, TrailEvent e) {
        this.to = to;
        this.v = v;
        this.e = e;
    }

    static boolean applies(String eventName) {
        return CALLS.contains(baseName(eventName));
    }

    /** Lambda's {@code AddPermission20150331v2} is AddPermission. */
    static String baseName(String eventName) {
        return eventName.replaceFirst("\\d{8}(v\\d+)?$", "");
    }

    void apply() {
        String partition = to.partition();
        String account = to.accountId();
        String region = v.region();
        switch (e.service() + ":" + baseName(e.name())) {
            case "s3:PutBucketPolicy", "s3:DeleteBucketPolicy" -> {
                String bucket = v.text("bucketName");
                if (bucket != null) {
                    put("arn:" + partition + ":s3:::" + bucket, "AWS::S3::Bucket", "bucketPolicy");
                }
            }
            case "kms:PutKeyPolicy" -> {
                String key = v.text("keyId");
                if (key != null) {
                    put(key.startsWith("arn:") ? key : "arn:" + partition + ":kms:" + region + ":" + account + ":key/"
                            + key, "AWS::KMS::Key", "policy");
                }
            }
            case "secretsmanager:PutResourcePolicy", "secretsmanager:DeleteResourcePolicy" -> {
                String secret = v.text("secretId");
                if (secret != null && secret.startsWith("arn:")) {
                    put(secret, "AWS::SecretsManager::Secret", "resourcePolicy");
                } else if (secret != null) {
                    // A name: the ARN ends in six random characters the record does not give.
                    String arn = snapshotSecret("arn:" + partition + ":secretsmanager:" + region + ":" + account
                            + ":secret:" + secret + "-");
                    if (arn == null) {
                        to.warn(v.source() + ": secret `" + secret + "` is not in the snapshot: not applied");
                    } else {
                        put(arn, "AWS::SecretsManager::Secret", "resourcePolicy");
                    }
                }
            }
            case "sns:SetTopicAttributes" -> {
                if ("Policy".equals(v.text("attributeName")) && v.text("topicArn") != null) {
                    put(v.text("topicArn"), "AWS::SNS::Topic", "attributeValue");
                }
            }
            case "ecr:SetRepositoryPolicy", "ecr:DeleteRepositoryPolicy" -> {
                String repo = v.text("repositoryName");
                if (repo != null) {
                    String owner = v.text("registryId") != null ? v.text("registryId") : account;
                    put("arn:" + partition + ":ecr:" + region + ":" + owner + ":repository/" + repo,
                            "AWS::ECR::Repository", "policyText");
                }
            }
            case "lambda:AddPermission", "lambda:RemovePermission" -> lambda(partition, account, region);
            default -> {
                // not a change the overlay models: nothing to apply
            }
        }
    }

    /** The policy of the resource replaced by the parameter's document, or removed by a Delete call. */
    private void put(String arn, String type, String parameter) {
        boolean delete = e.name().startsWith("Delete");
        PolicyDocument policy = delete ? null : v.document(parameter, UnknownDocument.RESOURCE);
        Resource old = to.resource(arn);
        to.putResource(ResourcePolicyEdit.withPolicy(old, arn, type, old == null ? v.region() : old.region(),
                policy), v.source());
    }

    private String snapshotSecret(String prefix) {
        return to.resourceArns().stream().filter(arn -> arn.startsWith(prefix) && arn.length() == prefix.length() + 6)
                .findFirst().orElse(null);
    }

    private void lambda(String partition, String account, String region) {
        String function = v.text("functionName");
        String sid = v.text("statementId");
        if (function == null || sid == null) {
            to.warn(v.source() + ": the record does not name the function and statement: not applied");
            return;
        }
        String arn = function.startsWith("arn:") ? function
                : "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + function
                + (v.text("qualifier") == null ? "" : ":" + v.text("qualifier"));
        Resource old = to.resource(arn);
        if (baseName(e.name()).equals("RemovePermission")) {
            if (old != null) {
                to.putResource(ResourcePolicyEdit.withoutStatement(old, sid), v.source());
            }
            return;
        }
        LambdaPermission permission = new LambdaPermission(sid, arn, partition).principal(v.text("principal"))
                .action(v.text("action")).sourceArn(v.text("sourceArn")).sourceAccount(v.text("sourceAccount"))
                .principalOrgId(v.text("principalOrgID")).functionUrlAuthType(v.text("functionUrlAuthType"));
        if (v.text("principal") == null || v.text("action") == null) {
            // Required by AddPermission: a record without them does not say whom the statement lets in.
            String key = "cloudtrail:" + e.name() + "." + sid + ".principal";
            to.unknownKey(key);
            permission.condition("StringEquals", key, "not in the log");
        }
        PolicyDocument added = PolicyParser.parse(permission.json(), v.source());
        to.putResource(ResourcePolicyEdit.withStatement(old, arn, "AWS::Lambda::Function",
                old == null ? region : old.region(), sid, added), v.source());
    }
}
