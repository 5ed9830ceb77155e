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

    /**
     * The statement to name as what grants an allowed request: the first Allow of an identity-based or
     * resource-based policy, the policies that grant; SCP, RCP, boundary and session Allows only leave room
     * for a grant (IAM User Guide: Policy evaluation logic). The first Allow when there is no such statement;
     * null when there is none at all.
     */
    public static StatementRef granting(java.util.List<StatementRef> allows) {
        for (StatementRef r : allows) {
            if (r.layer() == Layer.IDENTITY || r.layer() == Layer.RESOURCE) {
                return r;
            }
        }
        return allows.isEmpty() ? null : allows.get(0);
    }

    @Override
    public String toString() {
        return describe();
    }
}
