package io.iamscope.policy;

import io.iamscope.policy.ConditionClause;
import java.util.List;

/**
 * One statement of a policy document, as written. Elements that are absent are null (for principal, action,
 * resource). {@code index} is the statement's position in the document, used with the Sid to name it.
 */
public record Statement(int index, String sid, Effect effect, PrincipalSpec principal, PatternList action,
                        PatternList resource, List<ConditionClause> conditions, SourceLocation location) {

    public Statement {
        conditions = List.copyOf(conditions);
    }

    /** A name a user can find in the document: the Sid when there is one, else the index. */
    public String label() {
        return sid != null && !sid.isEmpty() ? "`" + sid + "` (#" + index + ")" : "#" + index;
    }
}
