package io.iamscope.eval.condition;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;

/**
 * One compiled condition clause. Returns UNKNOWN when the outcome depends on a key the request declares
 * unknown (directly, or through a policy variable in the values), or when the clause cannot be evaluated
 * (an unrecognised operator, a value of the wrong type in the policy); never throws.
 */
@FunctionalInterface
public interface ConditionCheck {
    Truth evaluate(RequestContext context);
}
