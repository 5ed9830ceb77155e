package io.iamscope.eval;

import java.util.Locale;
import java.util.Set;

/**
 * The STS actions whose resource policy is the role's trust policy: a request to assume a role, or to tag its
 * session, set its source identity or context, is authorized against the role's trust policy (IAM User Guide:
 * "Policy evaluation logic", role trust policies; "Passing session tags in AWS STS").
 */
public final class TrustActions {
    private static final Set<String> ACTIONS = Set.of("sts:assumerole", "sts:assumerolewithsaml",
            "sts:assumerolewithwebidentity", "sts:tagsession", "sts:setsourceidentity", "sts:setcontext");

    private TrustActions() {
    }

    /** Whether the action (any case) is one of them; most actions are rejected without lowercasing. */
    public static boolean contains(String action) {
        return action.regionMatches(true, 0, "sts:", 0, 4) && ACTIONS.contains(action.toLowerCase(Locale.ROOT));
    }
}
