package io.iamscope.eval;

import io.iamscope.policy.Effect;

/**
 * Names one statement for an explanation: the layer, the policy (ARN or name), the Sid and index, and for SCPs
 * and RCPs the level (0 = organization root) at which the policy is attached.
 */
public record StatementRef(Layer layer, String policy, String sid, int index, Effect effect, int level) {

    /** {@code identity-based policy arn:aws:iam::aws:policy/ReadOnlyAccess statement `ReadAll` (#0)}. */
    public String describe() {
        String statement = sid != null && !sid.isEmpty() ? "`" + sid + "` (#" + index + ")" : "#" + index;
        String where = level >= 0 ? " at level " + level : "";
        return layer.description() + " `" + policy + "`" + where + " statement " + statement;
    }

    @Override
    public String toString() {
        return describe();
    }
}
