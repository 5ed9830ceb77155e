package io.iamscope.catalog;

import java.util.List;

/**
 * One entry of tactics.json: these action patterns serve this tactic, for this reason.
 *
 * @param tactic   the tactic
 * @param patterns the action patterns, in policy {@code Action} syntax
 * @param why      one line saying what an attacker gains
 * @param actions  the patterns expanded against the catalog
 */
public record TacticRule(Tactic tactic, List<String> patterns, String why, ActionSet actions) {
    public TacticRule {
        patterns = List.copyOf(patterns);
    }
}
