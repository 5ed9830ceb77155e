package io.iamscope.eval.condition;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;

/**
 * The positive form of one operator family over all the policy values of a clause: does this one request value
 * match at least one policy value? The values of one clause are ORed ("IAM JSON policy elements: Condition",
 * evaluation logic: "If a single condition operator includes multiple values for one key, IAM evaluates the
 * condition using a logical OR"), with Kleene OR so that a policy value whose variable is unknown makes the
 * answer UNKNOWN only when no other value matches definitely.
 *
 * <p>Implementations are immutable, precompiled, and allocate nothing on the common path.
 */
interface ValueMatcher {
    Truth matchesAny(String requestValue, RequestContext context);
}
