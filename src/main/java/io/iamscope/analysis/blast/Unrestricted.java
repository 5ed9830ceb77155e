package io.iamscope.analysis.blast;

import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.PolicySet;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PatternList;
import io.iamscope.policy.Statement;
import java.util.List;

/**
 * The actions a principal's own policies allow on every resource, whatever the request: an identity Allow with
 * {@code "Resource": "*"} and no condition names the action, the permissions boundary (if any) has such an
 * Allow too, and no Deny of its identity policies or boundary names it, whatever its resource or condition.
 * For such an action the principal is allowed wherever another principal of its account is, as far as their
 * own policies go: every other layer (SCPs, RCPs, resource policies that name neither of them and test no key
 * of the caller) decides both requests alike (IAM User Guide, "Policy evaluation logic": a request is allowed
 * when an identity or resource policy allows it and no Deny, SCP, RCP or boundary refuses it).
 */
final class Unrestricted {
    private Unrestricted() {
    }

    static ActionSet of(PolicySet policies, Catalog catalog) {
        ActionSet allowed = allowedEverywhere(policies.identity(), catalog);
        ActionSet denied = denied(policies.identity(), catalog);
        AttachedPolicy boundary = policies.boundary();
        if (boundary != null) {
            allowed = allowed.intersect(allowedEverywhere(List.of(boundary), catalog));
            denied = denied.union(denied(List.of(boundary), catalog));
        }
        return allowed.minus(denied);
    }

    private static ActionSet allowedEverywhere(List<AttachedPolicy> policies, Catalog catalog) {
        ActionSet.Builder out = new ActionSet.Builder(catalog.size());
        for (AttachedPolicy p : policies) {
            for (Statement s : p.document().statements()) {
                if (s.effect() == Effect.ALLOW && s.conditions().isEmpty() && everyResource(s.resource())) {
                    out.addAll(actions(s.action(), catalog));
                }
            }
        }
        return out.build();
    }

    private static ActionSet denied(List<AttachedPolicy> policies, Catalog catalog) {
        ActionSet.Builder out = new ActionSet.Builder(catalog.size());
        for (AttachedPolicy p : policies) {
            for (Statement s : p.document().statements()) {
                if (s.effect() == Effect.DENY) {
                    // A Deny without actions would be refused by IAM; counting it as denying all is the safe side.
                    out.addAll(s.action() == null ? catalog.complement(out.build()).union(out.build())
                            : actions(s.action(), catalog));
                }
            }
        }
        return out.build();
    }

    private static boolean everyResource(PatternList resource) {
        return resource != null && !resource.negated() && resource.patterns().contains("*");
    }

    private static ActionSet actions(PatternList action, Catalog catalog) {
        if (action == null) {
            return new ActionSet.Builder(catalog.size()).build();
        }
        ActionSet named = catalog.expandAll(action.patterns());
        return action.negated() ? catalog.complement(named) : named;
    }
}
