package io.iamscope.analysis.blast.enumerate;

import io.iamscope.eval.StatementRef;
import java.util.List;

/**
 * One (action, resource) a principal may perform: allowed now, or under some values of unknown keys. Only what
 * the report needs is kept, not the decision: an administrator's enumeration holds tens of thousands of these.
 *
 * @param concrete      whether {@code resource} is a resource of the snapshot rather than a policy's pattern
 * @param conditionKeys the unknown keys the decision depends on; empty when definite
 * @param statement     the first allowing statement, or null
 * @param members       for a class of concrete resources decided alike, its ARNs ({@code resource} is the first);
 *                      null for one resource or pattern
 */
public record Allowed(int actionId, String resource, boolean concrete, boolean conditional, List<String> conditionKeys,
               StatementRef statement, List<String> members) {

    Allowed(int actionId, String resource, boolean concrete, boolean conditional, List<String> conditionKeys,
            StatementRef statement) {
        this(actionId, resource, concrete, conditional, conditionKeys, statement, null);
    }

    /** The same answer for another action of its {@link ActionClasses class}. */
    Allowed forAction(int id) {
        return new Allowed(id, resource, concrete, conditional, conditionKeys, statement, members);
    }
}
