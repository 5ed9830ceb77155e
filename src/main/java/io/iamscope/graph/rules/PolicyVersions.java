package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.PolicyVersion;
import io.iamscope.model.Principal;
import io.iamscope.model.Role;
import io.iamscope.policy.Effect;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The customer managed policies whose content an attacker would change (by a new default version or by
 * switching the default version) and where that leads: policies attached to itself or its own groups (SELF,
 * when no boundary caps it), and policies attached to a role it can assume (that role, yielding admin).
 */
final class PolicyVersions {
    private PolicyVersions() {
    }

    /** Calls {@code use} with (policy, target ARN) for each policy held by the attacker or a reachable role. */
    static void targets(Actor a, TechniqueContext ctx, Predicate<ManagedPolicy> usable, BiConsumer<ManagedPolicy, String> use) {
        if (Own.unbounded(a.principal())) {
            List<Principal> own = new ArrayList<>();
            own.add(a.principal());
            own.addAll(Own.groups(a, ctx));
            for (Principal p : own) {
                for (String arn : p.attachedPolicyArns()) {
                    ManagedPolicy m = ctx.inventory().managedPolicy(arn);
                    if (m != null && !m.isAwsManaged() && usable.test(m)) {
                        use.accept(m, a.arn());
                    }
                }
            }
        }
        for (Role r : Own.reachableUnboundedRoles(a, ctx)) {
            for (String arn : r.attachedPolicyArns()) {
                ManagedPolicy m = ctx.inventory().managedPolicy(arn);
                if (m != null && !m.isAwsManaged() && usable.test(m)) {
                    use.accept(m, r.arn());
                }
            }
        }
    }

    /**
     * Whether a version other than the default allows every action or every IAM action (what setting it as
     * default would give; a plain reading of the document, not an evaluation).
     */
    static boolean hasBroaderVersion(ManagedPolicy m) {
        PolicyVersion current = m.defaultVersion();
        for (PolicyVersion v : m.versions()) {
            if (v == current || v.document() == null) {
                continue;
            }
            for (Statement s : v.document().statements()) {
                if (s.effect() == Effect.ALLOW && s.action() != null && !s.action().negated()
                        && s.action().patterns().stream().anyMatch(p -> p.equals("*") || p.equalsIgnoreCase("iam:*"))) {
                    return true;
                }
            }
        }
        return false;
    }

}
