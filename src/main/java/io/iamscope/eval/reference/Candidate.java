package io.iamscope.eval.reference;

import io.iamscope.eval.Layer;
import io.iamscope.eval.StatementRef;
import io.iamscope.eval.match.PrincipalMatch;
import io.iamscope.policy.Effect;

/**
 * A statement that may apply to the request: its Action, Principal, Resource and conditions were not false.
 * It applies exactly when every one of its unknown atoms holds (a statement's elements and condition clauses
 * are ANDed: IAM JSON policy elements, Condition, "evaluation logic for conditions with multiple keys").
 *
 * @param principal how a resource policy or RCP names the caller; EXACT for identity-side layers
 * @param atoms     indexes of the undecided tests (unknown keys) this statement depends on
 */
record Candidate(Layer layer, int level, Effect effect, PrincipalMatch principal, int[] atoms, StatementRef ref) {

    /** Whether the statement applies when the atoms set in {@code assignment} hold and the others do not. */
    boolean appliesUnder(long assignment) {
        for (int a : atoms) {
            if ((assignment >>> a & 1L) == 0) {
                return false;
            }
        }
        return true;
    }
}
