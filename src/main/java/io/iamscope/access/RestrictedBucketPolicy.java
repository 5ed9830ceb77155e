package io.iamscope.access;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.CallerKind;
import io.iamscope.model.PublicBucketPolicy;
import io.iamscope.model.Resource;
import io.iamscope.model.S3PublicAccessBlock;
import io.iamscope.policy.ConditionClause;
import io.iamscope.policy.ConditionOperator;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A bucket's policy as S3 applies it to callers outside the bucket's account when Block Public Access's
 * RestrictPublicBuckets is on and the policy is public: "only AWS service principals and authorized users within
 * the bucket owner's account" keep access, "all cross-account access" the policy grants is ignored (Amazon S3 User
 * Guide, "Blocking public access to your Amazon S3 storage"). For those callers the policy's Allow statements are
 * left out (its Deny statements stay); when the setting is unknown until a planned change is applied, each Allow
 * holds only if the key standing for it is false, so what it grants them is conditional on that key, named.
 */
final class RestrictedBucketPolicy {
    private RestrictedBucketPolicy() {
    }

    /** The policy for outsiders, or {@code policy} itself when RestrictPublicBuckets does not apply. */
    static AttachedPolicy forOutsiders(Resource bucket, AttachedPolicy policy) {
        if (bucket == null || policy == null || !"AWS::S3::Bucket".equals(bucket.type())
                || !PublicBucketPolicy.isPublic(bucket.policy())) {
            return policy;
        }
        S3PublicAccessBlock.Setting restrict = S3PublicAccessBlock.of(bucket).restrictPublicBuckets();
        if (!restrict.mayBeOn()) {
            return policy;
        }
        PolicyDocument doc = policy.document();
        List<Statement> kept = new ArrayList<>();
        for (Statement s : doc.statements()) {
            if (s.effect() != Effect.ALLOW) {
                kept.add(s);
            } else if (!restrict.on()) {
                List<ConditionClause> conditions = new ArrayList<>(s.conditions());
                conditions.add(new ConditionClause(ConditionOperator.parse("Bool"), restrict.unknownKey(),
                        List.of("false"), s.location().child("Condition")));
                kept.add(new Statement(s.index(), s.sid(), s.effect(), s.principal(), s.action(), s.resource(),
                        conditions, s.location()));
            }
        }
        String name = policy.name() + " (RestrictPublicBuckets" + (restrict.on() ? "" : " unless `"
                + restrict.unknownKey() + "` is false") + ": ignored outside the account)";
        return new AttachedPolicy(name, policy.arn(), new PolicyDocument(doc.version(), doc.id(), kept, doc.source(),
                doc.diagnostics()));
    }

    /** Whether the caller gets the restricted policy: neither of the bucket's account nor an AWS service. */
    static boolean outsider(Caller caller, String bucketAccount) {
        return caller.kind() != CallerKind.SERVICE && !java.util.Objects.equals(caller.account(), bucketAccount);
    }

    /** The key to declare unknown on requests to the bucket, or null. */
    static String unknownKey(Resource bucket) {
        if (bucket == null || !"AWS::S3::Bucket".equals(bucket.type()) || !PublicBucketPolicy.isPublic(bucket.policy())) {
            return null;
        }
        S3PublicAccessBlock.Setting restrict = S3PublicAccessBlock.of(bucket).restrictPublicBuckets();
        return restrict.on() ? null : restrict.unknownKey();
    }
}
