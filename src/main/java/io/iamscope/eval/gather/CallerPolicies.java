package io.iamscope.eval.gather;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import java.util.List;

/** What a principal brings to every request, gathered once per principal. */
record CallerPolicies(Caller caller, List<AttachedPolicy> identity, AttachedPolicy boundary,
                      List<List<AttachedPolicy>> scps, List<String> scpLevels, List<String> notes) {
}
