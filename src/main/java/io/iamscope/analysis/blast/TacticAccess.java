package io.iamscope.analysis.blast;

import io.iamscope.catalog.Tactic;
import java.util.List;

/**
 * What the reachable actions let an attacker do for one incident-response tactic (catalog/tactics.json).
 *
 * @param why the reasons of the tactic rules the actions matched, for a reader
 */
public record TacticAccess(Tactic tactic, List<String> why, List<ActionAccess> actions) {
    public TacticAccess {
        why = List.copyOf(why);
        actions = List.copyOf(actions);
    }

    public boolean conditional() {
        return actions.stream().allMatch(ActionAccess::conditional);
    }
}
