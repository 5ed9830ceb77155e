package io.iamscope.analysis.blast.enumerate;

import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.PolicySet;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PatternList;
import io.iamscope.policy.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

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
    private final Catalog catalog;
    /** Per policy instance (the gatherer shares a managed policy's among its holders): what it allows, denies. */
    private final Map<AttachedPolicy, Sides> byPolicy = Collections.synchronizedMap(new IdentityHashMap<>());

    private record Sides(ActionSet allowedEverywhere, ActionSet denied) {
    }

    Unrestricted(Catalog catalog) {
        this.catalog = catalog;
    }

    /** One-off, without the per-policy memo. */
    static ActionSet of(PolicySet policies, Catalog catalog) {
        return new Unrestricted(catalog).of(policies);
    }

    ActionSet of(PolicySet policies) {
        ActionSet.Builder allowed = new ActionSet.Builder(catalog.size());
        ActionSet.Builder denied = new ActionSet.Builder(catalog.size());
        for (AttachedPolicy p : policies.identity()) {
            Sides s = sides(p);
            allowed.addAll(s.allowedEverywhere());
            denied.addAll(s.denied());
        }
        ActionSet out = allowed.build();
        AttachedPolicy boundary = policies.boundary();
        if (boundary != null) {
            Sides s = sides(boundary);
            out = out.intersect(s.allowedEverywhere());
            denied.addAll(s.denied());
        }
        return out.minus(denied.build());
    }

    private Sides sides(AttachedPolicy p) {
        Sides s = byPolicy.get(p);
        if (s == null) {
            s = new Sides(allowedEverywhere(p), denied(p));
            byPolicy.put(p, s);
        }
        return s;
    }

    private ActionSet allowedEverywhere(AttachedPolicy p) {
        ActionSet.Builder out = new ActionSet.Builder(catalog.size());
        for (Statement s : p.document().statements()) {
            if (s.effect() == Effect.ALLOW && s.conditions().isEmpty() && everyResource(s.resource())) {
                out.addAll(StatementActions.of(catalog, s.action()));
            }
        }
        return out.build();
    }

    private ActionSet denied(AttachedPolicy p) {
        ActionSet.Builder out = new ActionSet.Builder(catalog.size());
        for (Statement s : p.document().statements()) {
            if (s.effect() == Effect.DENY) {
                // A Deny without actions would be refused by IAM; counting it as denying all is the safe side.
                out.addAll(s.action() == null ? catalog.all() : StatementActions.of(catalog, s.action()));
            }
        }
        return out.build();
    }

    private static boolean everyResource(PatternList resource) {
        return resource != null && !resource.negated() && resource.patterns().contains("*");
    }
}
