package io.iamscope.access;

import io.iamscope.policy.Arn;
import io.iamscope.eval.match.ActionMatcher;
import io.iamscope.model.Gap;
import io.iamscope.model.Principal;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the engine reads of a target besides its ARN, per ARN of one snapshot, computed once and shared by
 * every {@link Targets} list built with it: the graph build and the analyses after it ask about the same users,
 * roles and resources (10,000 roles' trust policy texts on a large account), and a blast radius builds one
 * list per action over the same resources. One instance per snapshot, held by whoever holds the snapshot's
 * helpers (the analysis workspace). Thread-safe.
 */
public final class TargetFacts {
    private final SnapshotIndex index;
    private final Map<String, Facts> byArn = new ConcurrentHashMap<>();
    /** One instance per shape: each list groups its targets by shape, and equal instances compare at once. */
    private final Map<String, String> shapes = new ConcurrentHashMap<>();

    public TargetFacts(SnapshotIndex index) {
        this.index = index;
    }

    /** What the request context takes from a target (IAM: "Properties of the resource" keys). */
    record Derived(Map<String, String> tags, String region) {
    }

    /**
     * What the engine reads of one target besides its ARN: its shape (account, service, resource type), its
     * account (null when the snapshot does not say), the keys derived from it, its resource policy's action matchers (null without one), and a role's trust
     * policy text and its Allow statements' action matchers.
     */
    record Facts(String shape, String account, Derived derived, List<ActionMatcher> policyActions, String trustText,
                 List<ActionMatcher> trustAllows) {
    }

    Facts of(String arn) {
        return byArn.computeIfAbsent(arn, a -> {
            Principal p = index.principal(a);
            Resource r = index.resource(a);
            String region = Arn.regionOf(a);
            if ((region == null || region.isEmpty()) && r != null) {
                region = r.region();
            }
            Map<String, String> tags = p != null ? p.tags() : r != null ? r.tags() : Map.of();
            PolicyDocument trust = p instanceof Role role ? role.trustPolicy() : null;
            String shape = shape(a, index);
            // An unreadable policy is evaluated as its stand-in (Gatherer): a statement for every action.
            Gap unread = r != null && r.policy() == null ? UnreadablePolicy.of(index, a) : null;
            PolicyDocument policy = r == null ? null : r.policy() != null ? r.policy()
                    : unread != null ? UnreadablePolicy.standIn(unread.resource(), unread) : null;
            return new Facts(shapes.computeIfAbsent(shape, x -> x), index.accountOf(a), new Derived(tags, region),
                    policy == null ? null : actionMatchers(policy, false),
                    trust == null ? null : PolicyText.of(trust), trust == null ? null : actionMatchers(trust, true));
        });
    }

    /**
     * {@code 111122223333 iam role}: what of an ARN the engine reads besides the resource patterns. An S3 ARN
     * names neither account nor type ({@code arn:aws:s3:::bucket}, {@code arn:aws:s3:::bucket/key}): its
     * account is the one whose snapshot holds the bucket, its type {@code bucket} or {@code object}.
     */
    private static String shape(String arn, SnapshotIndex index) {
        if (arn.startsWith("arn:aws:s3:::")) {
            return index.accountOf(arn) + " s3 " + (arn.indexOf('/') > 0 ? "object" : "bucket");
        }
        String type = Arn.resourceTypeOf(arn);
        return Arn.accountOf(arn) + ' ' + Arn.serviceOf(arn) + ' ' + (type == null ? "" : type);
    }

    /**
     * Per statement of a policy (its Allow statements only, with {@code allowsOnly}), its action matcher; null
     * for a statement without one (it may apply).
     */
    private static List<ActionMatcher> actionMatchers(PolicyDocument policy, boolean allowsOnly) {
        List<ActionMatcher> out = new ArrayList<>();
        for (io.iamscope.policy.Statement st : policy.statements()) {
            if (!allowsOnly || st.effect() == io.iamscope.policy.Effect.ALLOW) {
                out.add(st.action() == null ? null : ActionMatcher.compile(st.action()));
            }
        }
        return out;
    }
}
