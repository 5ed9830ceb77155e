package io.iamscope.analysis.blast;

import io.iamscope.eval.StatementRef;
import java.util.List;

/**
 * One (action, resource) a principal may perform: allowed now, or under some values of unknown keys. Only what
 * the report needs is kept, not the decision: an administrator's enumeration holds tens of thousands of these.
 *
 * @param concrete      whether {@code resource} is a resource of the snapshot rather than a policy's pattern
 * @param conditionKeys the unknown keys the decision depends on; empty when definite
 * @param statement     the first allowing statement, or null
 */
record Allowed(int actionId, String resource, boolean concrete, boolean conditional, List<String> conditionKeys,
               StatementRef statement) {
}
