package io.iamscope.model.io.planned;

import io.iamscope.model.PublicBucketPolicy;
import io.iamscope.model.Resource;
import io.iamscope.model.S3PublicAccessBlock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * S3 Block Public Access settings a planned change sets, written where the snapshot keeps them: a bucket's in its
 * {@code properties.PublicAccessBlock} (as {@code s3:GetPublicAccessBlock} returns them), the account's in
 * {@code properties.AccountPublicAccessBlock} of each of its buckets ({@link S3PublicAccessBlock} combines the two).
 * A value unknown until apply is written as the condition key that stands for it.
 */
public final class PublicAccessBlocks {
    /** The four settings, as the S3 API names them. */
    public static final java.util.List<String> SETTINGS = java.util.List.of("BlockPublicAcls", "IgnorePublicAcls",
            "BlockPublicPolicy", "RestrictPublicBuckets");

    private PublicAccessBlocks() {
    }

    /** {@code old} (or a new bucket of that ARN) with the property set to {@code settings} (null: removed). */
    public static Resource withProperty(Resource old, String arn, String region, String property,
                                        Map<String, Object> settings) {
        Resource bucket = old != null ? old : new Resource(arn, "AWS::S3::Bucket", region, null, null, null, null,
                Map.of());
        Map<String, Object> properties = new LinkedHashMap<>(bucket.properties());
        if (settings == null) {
            properties.remove(property);
        } else {
            properties.put(property, Map.copyOf(settings));
        }
        return new Resource(bucket.arn(), bucket.type(), bucket.region(), bucket.policy(), bucket.roleArn(),
                bucket.instanceProfileArn(), bucket.tags(), properties);
    }

    /**
     * The warning for a bucket whose planned policy is public while BlockPublicPolicy is (or may be) on: "Amazon S3
     * will reject calls to PUT Bucket policy if the specified bucket policy allows public access" (S3 API Reference,
     * PublicAccessBlockConfiguration), so the apply would fail there; the policy is counted as written all the same
     * (counting access that may not come is the safe side). Null when nothing to say.
     */
    public static String rejectedPolicy(Resource before, Resource after, String source) {
        if (after == null || !"AWS::S3::Bucket".equals(after.type()) || !PublicBucketPolicy.isPublic(after.policy())
                || before != null && Objects.equals(before.policy(), after.policy())) {
            return null;
        }
        S3PublicAccessBlock.Setting block = S3PublicAccessBlock.of(after).blockPublicPolicy();
        if (!block.mayBeOn()) {
            return null;
        }
        return source + ": the policy of `" + after.arn() + "` is public and Block Public Access's BlockPublicPolicy"
                + (block.on() ? " is on" : " may be on (`" + block.unknownKey() + "`)") + ": S3 rejects such a"
                + " PutBucketPolicy, so the apply may fail; counted as written";
    }
}
