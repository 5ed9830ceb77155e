package io.iamscope.model.io.terraform;

import io.iamscope.policy.Arn;
import io.iamscope.model.Resource;
import io.iamscope.model.io.planned.IamApplier;
import io.iamscope.model.S3PublicAccessBlock;
import io.iamscope.model.io.planned.LambdaPermission;
import io.iamscope.model.io.planned.PublicAccessBlocks;
import io.iamscope.model.io.planned.QueueUrl;
import io.iamscope.model.io.planned.ResourcePolicyEdit;
import io.iamscope.model.io.planned.UnknownDocument;
import io.iamscope.policy.PolicyDocument;
import java.util.List;

/**
 * Applies a Terraform plan's resource-based policies and the organization's SCPs and RCPs: the AWS provider's
 * {@code aws_s3_bucket_policy}, {@code aws_sqs_queue_policy}, {@code aws_sns_topic_policy},
 * {@code aws_kms_key_policy}, {@code aws_secretsmanager_secret_policy}, {@code aws_ecr_repository_policy}, the
 * {@code policy} argument of {@code aws_s3_bucket}, {@code aws_sqs_queue}, {@code aws_sns_topic},
 * {@code aws_kms_key} and {@code aws_secretsmanager_secret}, {@code aws_lambda_permission} (one statement of the
 * function's policy, as Lambda's AddPermission writes it), {@code aws_organizations_policy} and
 * {@code aws_organizations_policy_attachment}; and S3 Block Public Access, {@code aws_s3_bucket_public_access_block}
 * and {@code aws_s3_account_public_access_block} (which decide whether a public bucket policy is in force).
 *
 * <p>A resource whose ARN is unknown until apply (a new KMS key, a new secret) gets an ARN of its kind with the
 * resource address where AWS's generated part goes, so that identity policies naming that kind of resource still
 * match it. A document the plan leaves unknown may grant anyone anything, conditional on a named key.
 */
final class TerraformResourcePolicies {
    private final IamApplier to;
    private final PlanValues values;
    private final String account;
    private final String partition;
    private final String planRegion;
    private final TerraformOrgPolicies orgPolicies;
    private boolean warnedRegion;

    TerraformResourcePolicies(TerraformPlan plan, IamApplier to, PlanValues values) {
        this.to = to;
        this.values = values;
        this.account = to.accountId();
        this.partition = to.partition();
        this.planRegion = plan.region();
        this.orgPolicies = new TerraformOrgPolicies(to, values);
    }

    /** The resource policies and organization policies of the plan; attachments of SCPs and RCPs second. */
    void apply(List<PlannedResource> resources) {
        for (PlannedResource r : resources) {
            if (r.changes()) {
                resourcePolicy(r);
            }
        }
        for (PlannedResource r : resources) {
            if (r.changes() && r.type().equals("aws_organizations_policy_attachment")) {
                orgPolicies.attachment(r);
            }
        }
    }

    private void resourcePolicy(PlannedResource r) {
        switch (r.type()) {
            case "aws_s3_bucket_policy" -> {
                String bucket = values.resolved(r, "bucket", "aws_s3_bucket", "bucket");
                if (bucket != null) {
                    put(r, "arn:" + partition + ":s3:::" + bucket, "AWS::S3::Bucket", "policy");
                }
            }
            case "aws_s3_bucket" -> {
                if (configures(r, "policy") && r.text("bucket") != null) {
                    put(r, "arn:" + partition + ":s3:::" + r.text("bucket"), "AWS::S3::Bucket", "policy");
                }
            }
            case "aws_sqs_queue_policy" -> {
                String arn = queueArn(r);
                if (arn != null) {
                    put(r, arn, "AWS::SQS::Queue", "policy");
                }
            }
            case "aws_sqs_queue" -> {
                if (configures(r, "policy")) {
                    String arn = arnOrNamed(r, "sqs", "", "name");
                    if (arn != null) {
                        put(r, arn, "AWS::SQS::Queue", "policy");
                    }
                }
            }
            case "aws_sns_topic_policy" -> {
                String arn = r.text("arn") != null ? r.text("arn") : referredArn(r, "arn", "aws_sns_topic", "sns", "");
                if (arn != null) {
                    put(r, arn, "AWS::SNS::Topic", "policy");
                }
            }
            case "aws_sns_topic" -> {
                if (configures(r, "policy")) {
                    String arn = arnOrNamed(r, "sns", "", "name");
                    if (arn != null) {
                        put(r, arn, "AWS::SNS::Topic", "policy");
                    }
                }
            }
            case "aws_kms_key" -> kmsKey(r);
            case "aws_kms_key_policy" -> {
                String arn = kmsArn(r.text("key_id"), values.referred(r, "key_id", "aws_kms_key"));
                if (arn != null) {
                    put(r, arn, "AWS::KMS::Key", "policy");
                } else {
                    to.warn(r.address() + ": `key_id` is unknown until apply and refers to no planned aws_kms_key:"
                            + " not applied (what it grants is not counted)");
                }
            }
            case "aws_secretsmanager_secret_policy" -> {
                String arn = r.text("secret_arn") != null ? r.text("secret_arn")
                        : secretArn(values.referred(r, "secret_arn", "aws_secretsmanager_secret"));
                if (arn != null) {
                    put(r, arn, "AWS::SecretsManager::Secret", "policy");
                } else {
                    to.warn(r.address() + ": `secret_arn` is unknown until apply and refers to no planned"
                            + " aws_secretsmanager_secret: not applied (what it grants is not counted)");
                }
            }
            case "aws_secretsmanager_secret" -> {
                if (configures(r, "policy")) {
                    String arn = r.text("arn") != null ? r.text("arn") : secretArn(r);
                    if (arn != null) {
                        put(r, arn, "AWS::SecretsManager::Secret", "policy");
                    }
                }
            }
            case "aws_ecr_repository_policy" -> {
                String name = values.resolved(r, "repository", "aws_ecr_repository", "name");
                if (name != null) {
                    put(r, "arn:" + partition + ":ecr:" + region(r) + ":" + account + ":repository/" + name,
                            "AWS::ECR::Repository", "policy");
                }
            }
            case "aws_lambda_permission" -> lambdaPermission(r);
            case "aws_s3_bucket_public_access_block" -> {
                String bucket = values.resolved(r, "bucket", "aws_s3_bucket", "bucket");
                if (bucket != null) {
                    String arn = "arn:" + partition + ":s3:::" + bucket;
                    Resource old = to.resource(arn);
                    to.putResource(PublicAccessBlocks.withProperty(old, arn, old != null ? old.region() : region(r),
                            S3PublicAccessBlock.BUCKET, r.deleted() ? null : blockSettings(r)), r.address());
                }
            }
            case "aws_s3_account_public_access_block" -> {
                if (r.text("account_id") != null && !r.text("account_id").equals(account)) {
                    to.warn(r.address() + ": sets the S3 Block Public Access of account " + r.text("account_id")
                            + ", not of " + account + ": not applied");
                } else {
                    to.accountPublicAccessBlock(r.deleted() ? null : blockSettings(r), r.address());
                }
            }
            case "aws_organizations_policy" -> orgPolicies.policy(r);
            default -> {
                // not a resource policy
            }
        }
    }

    /** Puts the attribute's document on the resource (removes the policy when the resource change deletes it). */
    private void put(PlannedResource r, String arn, String type, String attribute) {
        PolicyDocument doc = r.deleted() ? null : values.document(r, attribute, UnknownDocument.RESOURCE);
        Resource old = to.resource(arn);
        to.putResource(ResourcePolicyEdit.withPolicy(old, arn, type, old != null ? old.region() : regionOf(arn, r),
                doc), r.address());
    }

    /**
     * Whether the configuration sets the argument: {@code policy} of a bucket, queue, topic, key or secret is also
     * computed by the provider, so unknown alone does not mean the configuration wrote one.
     */
    private static boolean configures(PlannedResource r, String attribute) {
        return r.text(attribute) != null || r.references().containsKey(attribute);
    }

    /**
     * A key's policy: the configured one, or AWS's default key policy when none is configured ("gives the AWS
     * account that owns the KMS key full access to the KMS key", and through it to IAM policies: AWS KMS Developer
     * Guide, Default key policy).
     */
    private void kmsKey(PlannedResource r) {
        String arn = kmsArn(r.text("arn"), r);
        if (arn == null) {
            return;
        }
        if (configures(r, "policy")) {
            put(r, arn, "AWS::KMS::Key", "policy");
        } else if (r.actions().contains("create") && to.resource(arn) == null) {
            to.putResource(ResourcePolicyEdit.withPolicy(null, arn, "AWS::KMS::Key", region(r),
                    ResourcePolicyEdit.defaultKeyPolicy(partition, account)), r.address());
        }
    }

    /** A key's ARN: the one given (an ARN or a key id), else a planned key's, else one named after its address. */
    private String kmsArn(String given, PlannedResource key) {
        if (given != null && given.startsWith("arn:")) {
            return given;
        }
        if (given != null) {
            return "arn:" + partition + ":kms:" + region(key) + ":" + account + ":key/" + given;
        }
        if (key == null) {
            return null;
        }
        String arn = key.text("arn");
        return arn != null ? arn : "arn:" + partition + ":kms:" + region(key) + ":" + account + ":key/"
                + key.address();
    }

    /**
     * A new secret's ARN ends in a hyphen and six random characters that Secrets Manager adds: written as
     * {@code ??????} so that identity policies naming {@code secret:NAME-*} or {@code NAME-??????} match it.
     */
    private String secretArn(PlannedResource secret) {
        if (secret == null) {
            return null;
        }
        if (secret.text("arn") != null) {
            return secret.text("arn");
        }
        String name = secret.text("name");
        return name == null ? null
                : "arn:" + partition + ":secretsmanager:" + region(secret) + ":" + account + ":secret:" + name
                        + "-??????";
    }

    /** A queue's ARN from its URL ({@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME}) or the planned queue. */
    private String queueArn(PlannedResource r) {
        String url = r.text("queue_url");
        if (url != null && QueueUrl.arn(url, partition, null) != null) {
            return QueueUrl.arn(url, partition, region(r));
        }
        String arn = referredArn(r, "queue_url", "aws_sqs_queue", "sqs", "");
        if (arn == null) {
            to.warn(r.address() + ": `queue_url` is unknown until apply and refers to no planned aws_sqs_queue"
                    + " whose name is known: not applied (what it grants is not counted)");
        }
        return arn;
    }

    private String referredArn(PlannedResource r, String attribute, String type, String service, String prefix) {
        PlannedResource target = values.referred(r, attribute, type);
        return target == null ? null : arnOrNamed(target, service, prefix, "name");
    }

    /** The resource's {@code arn}, or {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:PREFIX+name}. */
    private String arnOrNamed(PlannedResource r, String service, String prefix, String nameAttribute) {
        if (r.text("arn") != null) {
            return r.text("arn");
        }
        String name = r.text(nameAttribute);
        return name == null ? null
                : "arn:" + partition + ":" + service + ":" + region(r) + ":" + account + ":" + prefix + name;
    }

    /**
     * One statement of the function's policy as Lambda's AddPermission writes it (Lambda Developer Guide, "Viewing
     * resource-based IAM policies in Lambda"): the principal, the action on the function (or its qualifier), and
     * the source ARN, source account, organization and function URL auth type as conditions. A value unknown
     * until apply is a condition on a named key.
     */
    private void lambdaPermission(PlannedResource r) {
        String function = values.resolved(r, "function_name", "aws_lambda_function", "function_name");
        if (function == null) {
            return;
        }
        String functionArn = function.startsWith("arn:") ? function
                : "arn:" + partition + ":lambda:" + region(r) + ":" + account + ":function:" + function;
        if (r.text("qualifier") != null && !function.startsWith("arn:")) {
            functionArn += ":" + r.text("qualifier");
        }
        String sid = r.text("statement_id") != null ? r.text("statement_id") : r.address();
        Resource old = to.resource(functionArn);
        if (r.deleted()) {
            if (old != null) {
                to.putResource(ResourcePolicyEdit.withoutStatement(old, sid), r.address());
            }
            return;
        }
        LambdaPermission permission = new LambdaPermission(sid, functionArn, partition)
                .principal(r.text("principal")).action(r.text("action"))
                .sourceArn(r.text("source_arn")).sourceAccount(r.text("source_account"))
                .principalOrgId(r.text("principal_org_id")).functionUrlAuthType(r.text("function_url_auth_type"));
        for (String attribute : List.of("principal", "action", "source_arn", "source_account", "principal_org_id",
                "function_url_auth_type")) {
            if (r.text(attribute) == null && r.unknown(attribute)) {
                // Unknown until apply: the statement holds under a condition on a key named after the argument.
                String key = "terraform:" + r.address() + "." + attribute;
                to.unknownKey(key);
                permission.condition("StringEquals", key, "known after apply");
            }
        }
        PolicyDocument added = values.parse(permission.json(), r, "statement_id");
        to.putResource(ResourcePolicyEdit.withStatement(old, functionArn, "AWS::Lambda::Function",
                regionOf(functionArn, r), sid, added), r.address());
    }

    /**
     * The four settings of {@code aws_s3_bucket_public_access_block} or {@code aws_s3_account_public_access_block}
     * (false when not set, as the provider defaults them); one unknown until apply is the key that stands for it.
     */
    private java.util.Map<String, Object> blockSettings(PlannedResource r) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (String setting : PublicAccessBlocks.SETTINGS) {
            String attribute = setting.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
            if (r.text(attribute) == null && r.unknown(attribute)) {
                String key = "terraform:" + r.address() + "." + attribute;
                to.unknownKey(key);
                out.put(setting, key);
            } else {
                out.put(setting, Boolean.parseBoolean(r.text(attribute)));
            }
        }
        return out;
    }

    private String regionOf(String arn, PlannedResource r) {
        String region = Arn.regionOf(arn);
        return region != null ? region : region(r);
    }

    /** The resource's region: its ARN's, else the plan's provider region, else us-east-1 with one warning. */
    private String region(PlannedResource r) {
        String arn = r == null ? null : r.text("arn");
        String region = arn == null ? null : Arn.regionOf(arn);
        if (region != null) {
            return region;
        }
        if (planRegion != null) {
            return planRegion;
        }
        if (!warnedRegion) {
            warnedRegion = true;
            to.warn("the plan does not give the AWS provider's region as a constant: new resources are placed in"
                    + " us-east-1");
        }
        return "us-east-1";
    }
}
