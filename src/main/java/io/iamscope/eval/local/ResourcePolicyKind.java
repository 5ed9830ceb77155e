package io.iamscope.eval.local;

import io.iamscope.policy.Arn;
import io.iamscope.eval.Request;
import io.iamscope.eval.TrustActions;

/**
 * Resource policies that AWS treats as the documented exceptions: a role's trust policy and a KMS key policy
 * must themselves allow the request. "Unless a key policy explicitly allows it, you cannot use IAM policies
 * to allow access to a KMS key" (AWS KMS Developer Guide: Key policies); a role can be assumed only if its
 * trust policy allows the caller (IAM User Guide: Policy evaluation logic, role trust policies). Naming the
 * account root there delegates to the account's identity policies.
 */
enum ResourcePolicyKind {
    ORDINARY, ROLE_TRUST, KMS_KEY;


    static ResourcePolicyKind of(Request request) {
        String arn = request.resource();
        // Called on every request: an ARN whose service is iam or kms contains ":iam:" or ":kms:", so any other
        // resource is ordinary without splitting the ARN (which allocates).
        if (!arn.contains(":iam:") && !arn.contains(":kms:")) {
            return ORDINARY;
        }
        String service = Arn.serviceOf(request.resource());
        String resource = Arn.resourceOf(request.resource());
        if ("iam".equals(service) && resource != null && resource.startsWith("role/")
                && TrustActions.contains(request.action())) {
            return ROLE_TRUST;
        }
        if ("kms".equals(service) && resource != null && resource.startsWith("key/")) {
            return KMS_KEY;
        }
        return ORDINARY;
    }

    boolean mustAllow() {
        return this != ORDINARY;
    }
}
