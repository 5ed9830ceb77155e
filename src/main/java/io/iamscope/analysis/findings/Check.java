package io.iamscope.analysis.findings;

import java.util.List;

/**
 * One engine decision behind a path step: the action on the resource, the outcome, and the statements that
 * granted it.
 *
 * @param outcome   {@code Allow}, {@code ExplicitDeny} or {@code ImplicitDeny}
 * @param condition what the decision depends on when conditional, else null
 */
public record Check(String action, String resource, String outcome, boolean conditional, String condition,
                    List<StatementCite> grantedBy) {
    public Check {
        grantedBy = List.copyOf(grantedBy);
    }
}
