package io.iamscope.access;

import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Caller;
import java.util.List;

/**
 * What a principal brings to every request, gathered once per principal. {@code base} is the policy set of
 * its caller side alone; each request derives its set from it with {@link PolicySet#withResource}.
 */
record CallerPolicies(Caller caller, PolicySet base, List<String> scpLevels, List<String> notes) {
}
