package io.iamscope.eval;

import java.util.List;

/**
 * The STS actions whose resource policy is the role's trust policy: a request to assume a role, or to tag its
 * session, set its source identity or context, is authorized against the role's trust policy (IAM User Guide:
 * "Policy evaluation logic", role trust policies; "Passing session tags in AWS STS").
 */
public final class TrustActions {
    private static final List<String> ACTIONS = List.of("sts:AssumeRole", "sts:AssumeRoleWithSAML",
            "sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext");

    private TrustActions() {
    }

    /**
     * Whether the action (any case) is one of them. Compared in place, not lowercased: engines and enumerations
     * ask this for tens of thousands of requests.
     */
    public static boolean contains(String action) {
        if (!action.regionMatches(true, 0, "sts:", 0, 4)) {
            return false;
        }
        for (String a : ACTIONS) {
            if (a.length() == action.length() && a.regionMatches(true, 0, action, 0, a.length())) {
                return true;
            }
        }
        return false;
    }
}
