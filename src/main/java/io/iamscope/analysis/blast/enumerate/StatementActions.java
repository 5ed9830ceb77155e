package io.iamscope.analysis.blast.enumerate;

import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import io.iamscope.policy.PatternList;

/** The catalog's actions a statement's Action (or, negated, NotAction) element names; none when it has neither. */
final class StatementActions {
    private StatementActions() {
    }

    static ActionSet of(Catalog catalog, PatternList action) {
        if (action == null) {
            return catalog.none();
        }
        ActionSet named = catalog.expandAll(action.patterns());
        return action.negated() ? catalog.complement(named) : named;
    }
}
