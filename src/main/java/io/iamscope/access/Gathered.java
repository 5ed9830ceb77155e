package io.iamscope.access;

import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.model.PrincipalRef;
import java.util.List;

/**
 * A request built from a snapshot, with every policy that applies and what is needed to explain a decision.
 *
 * @param scpLevels  names of the caller account's SCP levels, root first (empty when SCPs do not apply)
 * @param rcpLevels  names of the resource account's RCP levels, root first (empty when RCPs do not apply)
 * @param resourcePolicy what the resource policy is ({@code trust policy of role `x`}), null when none
 * @param notes      what the snapshot could not say (a resource policy not in it, a failed collection call):
 *                   each is a gap in the answer, never a silent "none"
 */
public record Gathered(PrincipalRef principal, Request request, PolicySet policies, List<String> scpLevels,
                       List<String> rcpLevels, String resourcePolicy, List<String> notes) {
    public Gathered {
        scpLevels = List.copyOf(scpLevels);
        rcpLevels = List.copyOf(rcpLevels);
        notes = List.copyOf(notes);
    }
}
