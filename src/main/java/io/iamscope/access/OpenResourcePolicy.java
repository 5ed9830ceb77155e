package io.iamscope.access;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PatternList;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PrincipalSpec;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.Statement;
import java.util.List;
import java.util.Map;

/**
 * The resource policy an attacker writes on a resource of its own account outside the snapshot (a Lambda layer it
 * publishes and shares with everyone): an Allow of the action to {@code "Principal": "*"}. With it, the attacker's
 * own side decides a cross-account request, as AWS evaluates one (IAM User Guide, "Cross-account policy evaluation
 * logic": both the identity policy and the resource policy must allow).
 */
final class OpenResourcePolicy {
    static final String NAME = "resource policy the attacker writes on its own resource";

    private OpenResourcePolicy() {
    }

    static AttachedPolicy of(String action, String resource) {
        SourceLocation at = SourceLocation.of(NAME);
        Statement allow = new Statement(0, "AttackerOwnsIt", Effect.ALLOW,
                new PrincipalSpec(false, true, Map.of(), at.child("Principal")),
                new PatternList(false, List.of(action), at.child("Action")),
                new PatternList(false, List.of(resource), at.child("Resource")), List.of(), at);
        return new AttachedPolicy(NAME, null,
                new PolicyDocument(PolicyDocument.VERSION_2012, null, List.of(allow), NAME, List.of()));
    }
}
