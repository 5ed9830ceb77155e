package io.iamscope.eval;

import io.iamscope.policy.Effect;
import io.iamscope.policy.SourceLocation;

/**
 * Names one statement for an explanation: the layer, the policy (ARN or name), the Sid and index, for SCPs
 * and RCPs the level (0 = organization root) at which the policy is attached, and where the statement was
 * written ({@code location}: the snapshot file and JSON pointer, as the policy parser recorded them; null when
 * the statement did not come from a parsed document, such as the IAM policy simulator's answers).
 */
public record StatementRef(Layer layer, String policy, String sid, int index, Effect effect, int level,
                           SourceLocation location) {

    /** A reference without a source location. */
    public StatementRef(Layer layer, String policy, String sid, int index, Effect effect, int level) {
        this(layer, policy, sid, index, effect, level, null);
    }

    /**
     * The statement's RFC 6901 pointer inside its policy document ({@code /Statement/2}, or {@code /Statement} for
     * a document whose {@code Statement} is one object), or null without a location. The parser names a
     * statement {@code <document>/Statement/<index>}, so the pointer is the location's from its last
     * {@code /Statement}.
     */
    public String documentPointer() {
        if (location == null) {
            return null;
        }
        String p = location.pointer();
        int at = p.lastIndexOf("/Statement");
        return at < 0 ? p : p.substring(at);
    }

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
