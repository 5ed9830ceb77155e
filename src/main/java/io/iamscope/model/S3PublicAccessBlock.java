package io.iamscope.model;

import java.util.Map;

/**
 * The S3 Block Public Access settings in force on a bucket: the bucket's own ({@code properties.PublicAccessBlock},
 * as {@code s3:GetPublicAccessBlock} returns it) combined with its account's
 * ({@code properties.AccountPublicAccessBlock}, written on each bucket of the account): "Amazon S3 applies the most
 * restrictive combination of the access point, bucket, and account settings" (Amazon S3 User Guide, "Blocking
 * public access to your Amazon S3 storage"). A setting's value is true, false (or absent), or a string: the
 * condition key that stands for a value unknown until a planned change is applied.
 *
 * @param restrictPublicBuckets only AWS service principals and authorized users of the bucket owner's account may
 *                              use a bucket whose policy is public: public and cross-account access that policy
 *                              grants is ignored
 * @param blockPublicPolicy     PutBucketPolicy is rejected when the new policy is public (existing policies stay)
 */
public record S3PublicAccessBlock(Setting restrictPublicBuckets, Setting blockPublicPolicy) {
    /** The bucket's own settings, as collected. */
    public static final String BUCKET = "PublicAccessBlock";
    /** The settings of the bucket's account, as a planned change sets them. */
    public static final String ACCOUNT = "AccountPublicAccessBlock";

    /** One setting: {@code on}, or unknown with the condition key that stands for it, or neither (off). */
    public record Setting(boolean on, String unknownKey) {
        static final Setting OFF = new Setting(false, null);

        /** Whether it may be on: on, or unknown. */
        public boolean mayBeOn() {
            return on || unknownKey != null;
        }

        /** The most restrictive of the two: on when either is, else unknown when either is. */
        Setting or(Setting other) {
            return on ? this : other.on ? other : unknownKey != null ? this : other;
        }

        static Setting of(Object value) {
            return Boolean.TRUE.equals(value) || "true".equals(value) ? new Setting(true, null)
                    : value instanceof String key && !key.isEmpty() && !"false".equals(key) ? new Setting(false, key)
                    : OFF;
        }
    }

    /** The four settings as written ({@code BUCKET} or {@code ACCOUNT} property), in the API's order; "none". */
    public static String describe(Object settings) {
        if (!(settings instanceof Map<?, ?> m)) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        for (String name : java.util.List.of("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy",
                "RestrictPublicBuckets")) {
            if (m.containsKey(name)) {
                out.append(out.isEmpty() ? "" : " ").append(name).append('=').append(m.get(name));
            }
        }
        return out.toString();
    }

    /** The settings in force on the bucket. */
    public static S3PublicAccessBlock of(Resource bucket) {
        Map<?, ?> own = bucket.properties().get(BUCKET) instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> account = bucket.properties().get(ACCOUNT) instanceof Map<?, ?> m ? m : Map.of();
        return new S3PublicAccessBlock(
                Setting.of(own.get("RestrictPublicBuckets")).or(Setting.of(account.get("RestrictPublicBuckets"))),
                Setting.of(own.get("BlockPublicPolicy")).or(Setting.of(account.get("BlockPublicPolicy"))));
    }
}
