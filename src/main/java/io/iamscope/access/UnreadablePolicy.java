package io.iamscope.access;

import io.iamscope.model.Gap;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.policy.ConditionClause;
import io.iamscope.policy.ConditionOperator;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PatternList;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PrincipalSpec;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stand-in for a resource policy the collection could not read (a gap on the call that reads it): a Deny of
 * every action to anyone that holds only if the key {@value #DENIES} is true, and an Allow of every action to
 * anyone that holds only if {@value #ALLOWS} is true, two keys every request on the resource declares unknown.
 * The engine treats them as any condition on an unknown key: access the caller's own policies grant holds only
 * "if the unreadable policy does not deny it", and access only a resource policy could grant (another account's
 * caller, a key policy's grant, a same-account grant by the bucket policy alone) holds "if the unreadable policy
 * allows it". Both are conditional, never definite and never none: a gap means unknown (for blast radius an
 * under-count is the dangerous error). The gap is listed among those that could change the answer
 * ({@code analysis.GapsInPlay}).
 */
final class UnreadablePolicy {
    /** The unknown key the stand-in's Deny depends on. */
    static final String DENIES = "iamscope:UnreadableResourcePolicyDenies";
    /** The unknown key the stand-in's Allow depends on. */
    static final String ALLOWS = "iamscope:UnreadableResourcePolicyAllows";

    /** The calls that read a resource policy, by service (the collector's operations, docs/collect.md). */
    private static final Set<String> READS_POLICY = Set.of("s3:GetBucketPolicy", "kms:GetKeyPolicy",
            "sqs:GetQueueAttributes", "sns:GetTopicAttributes", "lambda:GetPolicy",
            "secretsmanager:GetResourcePolicy", "ecr:GetRepositoryPolicy");

    private UnreadablePolicy() {
    }

    /** The gap that left the policy of {@code arn} (or of the resource it lies under) unread, or null. */
    static Gap of(SnapshotIndex index, String arn) {
        for (Gap g : index.gapsAbout(arn)) {
            if (leftUnread(g)) {
                return g;
            }
        }
        return null;
    }

    /** Whether {@code gap} left a resource's policy unread. */
    static boolean leftUnread(Gap gap) {
        return gap.resource() != null && READS_POLICY.contains(gap.service() + ":" + gap.operation());
    }

    /** The stand-in for the policy of {@code arn}, which {@code gap} left unread. */
    static PolicyDocument standIn(String arn, Gap gap) {
        SourceLocation at = SourceLocation.of("unreadable policy of " + arn + " (" + gap.service() + ":"
                + gap.operation() + " " + gap.errorCode() + ")");
        Statement deny = everything(0, "UnreadablePolicyMayDeny", Effect.DENY, DENIES, at);
        Statement allow = everything(1, "UnreadablePolicyMayAllow", Effect.ALLOW, ALLOWS, at);
        return new PolicyDocument(PolicyDocument.VERSION_2012, null, List.of(deny, allow), at.source(), List.of());
    }

    /** Statement {@code index}: every action on every resource to anyone, if the unknown {@code key} is true. */
    private static Statement everything(int index, String sid, Effect effect, String key, SourceLocation at) {
        SourceLocation statement = at.child("Statement").child(index);
        ConditionClause unknown = new ConditionClause(ConditionOperator.parse("Bool"), key, List.of("true"),
                statement.child("Condition"));
        return new Statement(index, sid, effect, new PrincipalSpec(false, true, Map.of(), statement.child("Principal")),
                new PatternList(false, List.of("*"), statement.child("Action")),
                new PatternList(false, List.of("*"), statement.child("Resource")), List.of(unknown), statement);
    }
}
