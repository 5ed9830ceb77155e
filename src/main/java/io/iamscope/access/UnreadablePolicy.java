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
 * The stand-in for a resource policy the collection could not read (a gap on the call that reads it): one Deny
 * of every action to anyone that holds only if the key {@value #KEY} is true, a key every request on the
 * resource declares unknown. The engine treats it as any condition on an unknown key, so every access to the
 * resource holds only "if the unreadable policy does not deny it": conditional, never definite, since a gap
 * means unknown, never none. What the policy might allow is not guessed; the gap is listed among those that
 * could change the answer ({@code analysis.GapsInPlay}).
 */
final class UnreadablePolicy {
    /** The unknown key the stand-in's Deny depends on. */
    static final String KEY = "iamscope:UnreadableResourcePolicyDenies";

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
        SourceLocation statement = at.child("Statement").child(0);
        ConditionClause unknown = new ConditionClause(ConditionOperator.parse("Bool"), KEY, List.of("true"),
                statement.child("Condition"));
        Statement deny = new Statement(0, "UnreadablePolicy", Effect.DENY,
                new PrincipalSpec(false, true, Map.of(), statement.child("Principal")),
                new PatternList(false, List.of("*"), statement.child("Action")),
                new PatternList(false, List.of("*"), statement.child("Resource")), List.of(unknown), statement);
        return new PolicyDocument(PolicyDocument.VERSION_2012, null, List.of(deny), at.source(), List.of());
    }
}
