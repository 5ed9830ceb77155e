package io.iamscope.model.io.cloudformation;

import io.iamscope.policy.Arn;
import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.OrgPolicy;
import io.iamscope.model.OrgPolicyType;
import io.iamscope.model.Resource;
import io.iamscope.model.S3PublicAccessBlock;
import io.iamscope.model.io.cloudformation.Intrinsics.Unresolved;
import io.iamscope.model.io.planned.IamApplier;
import io.iamscope.model.io.planned.LambdaPermission;
import io.iamscope.model.io.planned.PublicAccessBlocks;
import io.iamscope.model.io.planned.QueueUrl;
import io.iamscope.model.io.planned.ResourcePolicyEdit;
import io.iamscope.model.io.planned.UnknownDocument;
import io.iamscope.policy.PolicyDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a template's resource-based policies and SCPs/RCPs, as creating the stack would:
 * {@code AWS::S3::BucketPolicy}, {@code AWS::SQS::QueuePolicy}, {@code AWS::SNS::TopicPolicy},
 * {@code AWS::SecretsManager::ResourcePolicy}, a key's {@code KeyPolicy} ({@code AWS::KMS::Key}; without one AWS
 * gives the key its default key policy), a repository's {@code RepositoryPolicyText} ({@code AWS::ECR::Repository}),
 * {@code AWS::Lambda::Permission} (one statement of the function's policy) and {@code AWS::Organizations::Policy}
 * (with its {@code TargetIds}); and a bucket's S3 Block Public Access ({@code AWS::S3::Bucket}
 * {@code PublicAccessBlockConfiguration}), which decides whether a public bucket policy is in force. The resource a policy is for is named by its property, resolved through the
 * intrinsics ({@code Ref} of a bucket is its name, of a queue its URL, of a topic or secret its ARN).
 */
final class CloudFormationResourcePolicies {
    private final IamApplier to;
    private final TemplateValues values;
    private final String account;
    private final String partition;

    CloudFormationResourcePolicies(IamApplier to, TemplateValues values) {
        this.to = to;
        this.values = values;
        this.account = to.accountId();
        this.partition = values.intrinsics().partition();
    }

    void apply(String id) {
        switch (values.type(id)) {
            case "AWS::S3::BucketPolicy" -> {
                String bucket = values.optional(id, "Bucket");
                if (bucket != null) {
                    put(id, "arn:" + partition + ":s3:::" + bucket, "AWS::S3::Bucket", "PolicyDocument");
                }
            }
            case "AWS::SQS::QueuePolicy" -> {
                for (String url : values.strings(id, "Queues")) {
                    String arn = url.startsWith("arn:") ? url : QueueUrl.arn(url, partition, null);
                    if (arn == null || arn.contains(":null:")) {
                        to.warn(values.where(id) + ": `" + url + "` is not a queue URL: not applied");
                    } else {
                        put(id, arn, "AWS::SQS::Queue", "PolicyDocument");
                    }
                }
            }
            case "AWS::SNS::TopicPolicy" -> values.strings(id, "Topics")
                    .forEach(arn -> put(id, arn, "AWS::SNS::Topic", "PolicyDocument"));
            case "AWS::SecretsManager::ResourcePolicy" -> {
                String secret = values.optional(id, "SecretId");
                if (secret != null && !secret.startsWith("arn:")) {
                    to.warn(values.where(id) + ": SecretId `" + secret + "` is a name, not an ARN: not applied (give"
                            + " the secret's ARN, or Ref the secret of the template)");
                } else if (secret != null) {
                    put(id, secret, "AWS::SecretsManager::Secret", "ResourcePolicy");
                }
            }
            case "AWS::KMS::Key" -> {
                String arn = values.resolved(id, () -> values.intrinsics().serviceArn(id), "its ARN");
                if (arn == null) {
                    return;
                }
                if (values.properties(id).has("KeyPolicy")) {
                    put(id, arn, "AWS::KMS::Key", "KeyPolicy");
                } else {
                    to.putResource(ResourcePolicyEdit.withPolicy(to.resource(arn), arn, "AWS::KMS::Key",
                            Arn.regionOf(arn), ResourcePolicyEdit.defaultKeyPolicy(partition, account)), id);
                }
            }
            case "AWS::ECR::Repository" -> {
                if (values.properties(id).has("RepositoryPolicyText")) {
                    String arn = values.resolved(id, () -> values.intrinsics().serviceArn(id), "its ARN");
                    if (arn != null) {
                        put(id, arn, "AWS::ECR::Repository", "RepositoryPolicyText");
                    }
                }
            }
            case "AWS::Lambda::Permission" -> lambdaPermission(id);
            case "AWS::S3::Bucket" -> publicAccessBlock(id);
            case "AWS::Organizations::Policy" -> orgPolicy(id);
            default -> {
                // not a resource policy
            }
        }
    }

    private void put(String id, String arn, String type, String property) {
        PolicyDocument doc = values.document(id, property, UnknownDocument.RESOURCE);
        Resource old = to.resource(arn);
        to.putResource(ResourcePolicyEdit.withPolicy(old, arn, type, old != null ? old.region() : Arn.regionOf(arn), doc),
                id);
    }

    private void lambdaPermission(String id) {
        String function = values.optional(id, "FunctionName");
        if (function == null) {
            return;
        }
        String functionArn = function.startsWith("arn:") ? function
                : values.resolved(id, () -> "arn:" + partition + ":lambda:" + values.intrinsics().stackRegion() + ":"
                        + account + ":function:" + function, "the function's ARN");
        if (functionArn == null) {
            return;
        }
        LambdaPermission permission = new LambdaPermission(id, functionArn, partition);
        permission.principal(known(id, "Principal", permission)).action(known(id, "Action", permission))
                .sourceArn(known(id, "SourceArn", permission)).sourceAccount(known(id, "SourceAccount", permission))
                .principalOrgId(known(id, "PrincipalOrgID", permission))
                .functionUrlAuthType(known(id, "FunctionUrlAuthType", permission));
        PolicyDocument added = values.parse(permission.json(), id, "Principal");
        to.putResource(ResourcePolicyEdit.withStatement(to.resource(functionArn), functionArn,
                "AWS::Lambda::Function", Arn.regionOf(functionArn), id, added), id);
    }

    /** The property's value; when it does not resolve, null, and the statement holds under a named condition. */
    private String known(String id, String property, LambdaPermission permission) {
        JsonNode v = values.properties(id).get(property);
        if (v == null) {
            return null;
        }
        try {
            return values.intrinsics().string(v);
        } catch (Unresolved e) {
            String key = "cloudformation:" + id + "." + property;
            to.unknownKey(key);
            to.warn(values.where(id) + ": " + property + " does not resolve (" + e.getMessage() + "): counted as"
                    + " anything, conditional on " + key);
            permission.condition("StringEquals", key, "known once deployed");
            return null;
        }
    }

    /**
     * A bucket's {@code PublicAccessBlockConfiguration} (S3 Block Public Access: its four settings, false when not
     * given); a setting that does not resolve is the key that stands for it, declared unknown.
     */
    private void publicAccessBlock(String id) {
        JsonNode config = values.properties(id).get("PublicAccessBlockConfiguration");
        if (config == null) {
            return;
        }
        String name = values.name(id);
        if (name == null) {
            return;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String setting : PublicAccessBlocks.SETTINGS) {
            JsonNode v = config.get(setting);
            try {
                settings.put(setting, v != null && Boolean.parseBoolean(values.intrinsics().string(v)));
            } catch (Unresolved e) {
                String key = "cloudformation:" + id + ".PublicAccessBlockConfiguration." + setting;
                to.unknownKey(key);
                to.warn(values.where(id) + ": PublicAccessBlockConfiguration." + setting + " does not resolve ("
                        + e.getMessage() + "): conditional on " + key);
                settings.put(setting, key);
            }
        }
        String arn = "arn:" + partition + ":s3:::" + name;
        to.putResource(PublicAccessBlocks.withProperty(to.resource(arn), arn, null, S3PublicAccessBlock.BUCKET,
                settings), id);
    }

    /** An SCP or RCP the stack creates, attached to its {@code TargetIds}; other policy types decide no access. */
    private void orgPolicy(String id) {
        String type = values.optional(id, "Type");
        if (!"SERVICE_CONTROL_POLICY".equals(type) && !"RESOURCE_CONTROL_POLICY".equals(type)) {
            return;
        }
        if (!to.hasOrganization()) {
            to.warn(values.where(id) + ": the snapshot has no organization: not applied (an SCP or RCP only takes"
                    + " access away, so what it would deny is counted as allowed)");
            return;
        }
        JsonNode content = values.properties(id).get("Content");
        PolicyDocument doc;
        try {
            JsonNode resolved = values.intrinsics().resolve(content);
            doc = values.parse(resolved.isTextual() ? resolved.asText() : resolved.toString(), id, "Content");
        } catch (Unresolved e) {
            to.warn(values.where(id) + ": Content does not resolve (" + e.getMessage() + "): taken as restricting"
                    + " nothing");
            doc = values.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                    + "\"Resource\":\"*\"}]}", id, "Content");
        }
        List<String> targets = values.strings(id, "TargetIds");
        to.putOrgPolicy(id, new OrgPolicy(id, null, values.optional(id, "Name"), OrgPolicyType.valueOf(type), false,
                doc, targets), id);
    }

}
