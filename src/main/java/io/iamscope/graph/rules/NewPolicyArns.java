package io.iamscope.graph.rules;

import io.iamscope.access.Actor;
import io.iamscope.access.NewResource;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.PolicySet;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.policy.ConditionClause;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ARNs worth trying for a customer managed policy the attacker creates (iam:CreatePolicy): the attacker
 * names it (path and name), so any ARN its policies let it create and attach will do. Tried: one per value of an
 * {@code iam:PolicyARN} condition in its policies (where an attach is allowed only for some policies, or denied for
 * others), then those of {@link NewNames} for iam:CreatePolicy; each in its own account (a managed policy is
 * created in the caller's account and attached only there: IAM User Guide, "Managed policies and inline
 * policies"), never an AWS managed policy.
 */
final class NewPolicyArns {
    private static final int MAX = 10;

    private NewPolicyArns() {
    }

    static List<String> candidates(Actor a, TechniqueContext ctx) {
        String prefix = "arn:aws:iam::" + a.account() + ":policy/";
        Set<String> out = new LinkedHashSet<>();
        for (AttachedPolicy p : callerPolicies(a.callerSet())) {
            if (p.document() == null) {
                continue;
            }
            for (Statement s : p.document().statements()) {
                for (ConditionClause c : s.conditions()) {
                    if (c.key().toLowerCase(Locale.ROOT).equals("iam:policyarn")) {
                        c.values().forEach(v -> add(out, NewResource.instantiate(v, a.account()), prefix));
                    }
                }
            }
        }
        out.addAll(NewNames.candidates(a, ctx, "policy/", List.of("iam:CreatePolicy")));
        return new ArrayList<>(out).subList(0, Math.min(MAX, out.size()));
    }

    private static void add(Set<String> out, String arn, String prefix) {
        if (arn != null && arn.startsWith(prefix)) {
            out.add(arn);
        }
    }

    private static List<AttachedPolicy> callerPolicies(PolicySet set) {
        List<AttachedPolicy> all = new ArrayList<>(set.identity());
        if (set.boundary() != null) {
            all.add(set.boundary());
        }
        if (set.scps() != null) {
            set.scps().forEach(all::addAll);
        }
        return all;
    }
}
