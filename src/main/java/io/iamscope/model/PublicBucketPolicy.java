package io.iamscope.model;

import io.iamscope.policy.ConditionClause;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PrincipalType;
import io.iamscope.policy.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * Whether S3 deems a bucket policy public, which decides whether Block Public Access's RestrictPublicBuckets and
 * BlockPublicPolicy apply to it. Amazon S3 considers a bucket policy public unless it grants access only to fixed
 * values (no wildcard, no policy variable) of a principal, or of one of the keys aws:SourceIp, aws:SourceArn,
 * aws:SourceVpc, aws:SourceVpce, aws:SourceOwner, aws:SourceAccount, aws:userid,
 * s3:x-amz-server-side-encryption-aws-kms-key-id, s3:DataAccessPointArn, s3:DataAccessPointAccount (Amazon S3 User
 * Guide, "The meaning of public"; S3 API Reference, PublicAccessBlockConfiguration).
 *
 * <p>Deciding "public" wrongly would hide the access RestrictPublicBuckets leaves, so where the rules leave room
 * this says "not public": a statement is public when it allows {@code *} (or uses NotPrincipal) and none of its
 * conditions fixes one of those keys, or aws:PrincipalOrgID, aws:PrincipalAccount or aws:PrincipalArn, with a
 * non-negated operator (an IP range of any width counts as fixed).
 */
public final class PublicBucketPolicy {
    private static final Set<String> FIXING_KEYS = Set.of("aws:sourceip", "aws:sourcearn", "aws:sourcevpc",
            "aws:sourcevpce", "aws:sourceowner", "aws:sourceaccount", "aws:userid",
            "s3:x-amz-server-side-encryption-aws-kms-key-id", "s3:dataaccesspointarn", "s3:dataaccesspointaccount",
            "aws:principalorgid", "aws:principalaccount", "aws:principalarn");

    private PublicBucketPolicy() {
    }

    /** Whether the policy is public in S3's sense (null: no policy, not public). */
    public static boolean isPublic(PolicyDocument policy) {
        return policy != null && policy.statements().stream().anyMatch(PublicBucketPolicy::isPublic);
    }

    private static boolean isPublic(Statement s) {
        if (s.effect() != Effect.ALLOW || s.principal() == null) {
            return false;
        }
        boolean anyone = s.principal().anyone() || s.principal().negated()
                || s.principal().of(PrincipalType.AWS).stream().anyMatch(v -> v.contains("*"));
        return anyone && s.conditions().stream().noneMatch(PublicBucketPolicy::fixes);
    }

    private static boolean fixes(ConditionClause c) {
        return FIXING_KEYS.contains(c.key().toLowerCase(Locale.ROOT)) && !c.operator().written().contains("Not")
                && !c.values().isEmpty() && c.values().stream().noneMatch(v -> v.contains("*") || v.contains("?")
                || v.contains("${"));
    }
}
