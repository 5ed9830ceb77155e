package io.iamscope.graph.rules;

import io.iamscope.access.Targets;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.Principal;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The customer managed policies the users and roles of one account hold (a user through its groups too), indexed
 * both ways: per principal the positions of its policies in the shared target list, per policy its holders. Made
 * once per account and technique (the kind of policy it can use) for the whole build: every attacker of the
 * account asks which of the policies it may change are held by principals it can act as, as an intersection of
 * bit sets rather than a pass over thousands of policies.
 */
final class HeldPolicies {
    private final Targets<ManagedPolicy> policies;
    private final Map<String, BitSet> byHolder;
    private final List<List<Principal>> holders;
    private final Map<PrincipalClass, BitSet> byClass = new ConcurrentHashMap<>();

    private HeldPolicies(Targets<ManagedPolicy> policies, Map<String, BitSet> byHolder, List<List<Principal>> holders) {
        this.policies = policies;
        this.byHolder = byHolder;
        this.holders = holders;
    }

    /** The index of the account for a technique ({@code id}) and the policies it can use. */
    static HeldPolicies of(TechniqueContext ctx, String account, String id, Predicate<ManagedPolicy> usable) {
        return ctx.perBuild(id + " held policies " + account, () -> {
            Map<String, ManagedPolicy> byArn = new LinkedHashMap<>();
            Map<String, List<Principal>> holdersByArn = new HashMap<>();
            List<Principal> principals = new ArrayList<>(ctx.inventory().users(account));
            principals.addAll(ctx.inventory().roles(account));
            for (Principal p : principals) {
                List<Principal> sources = new ArrayList<>();
                sources.add(p);
                if (p instanceof User u) {
                    sources.addAll(ctx.inventory().index().groupsOf(u));
                }
                for (Principal source : sources) {
                    for (String arn : source.attachedPolicyArns()) {
                        ManagedPolicy m = byArn.get(arn);
                        if (m == null) {
                            m = ctx.inventory().managedPolicy(arn);
                            if (m == null || m.isAwsManaged() || !usable.test(m)) {
                                continue;
                            }
                            byArn.put(arn, m);
                        }
                        List<Principal> hs = holdersByArn.computeIfAbsent(arn, k -> new ArrayList<>());
                        if (hs.isEmpty() || hs.get(hs.size() - 1) != p) {
                            hs.add(p);
                        }
                    }
                }
            }
            Targets<ManagedPolicy> list = ctx.targets(id + " held policy list " + account,
                    () -> List.copyOf(byArn.values()), ManagedPolicy::arn);
            Map<String, BitSet> byHolder = new HashMap<>();
            List<List<Principal>> holders = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                List<Principal> hs = holdersByArn.get(list.arn(i));
                holders.add(List.copyOf(hs));
                for (Principal h : hs) {
                    byHolder.computeIfAbsent(h.arn(), k -> new BitSet(list.size())).set(i);
                }
            }
            return new HeldPolicies(list, byHolder, holders);
        });
    }

    Targets<ManagedPolicy> policies() {
        return policies;
    }

    /** The positions of the policies the principal holds (shared: not to be changed). */
    BitSet heldBy(String principalArn) {
        return byHolder.getOrDefault(principalArn, EMPTY);
    }

    /**
     * The positions of the policies held by the principals at the given positions of a user or role list that a
     * change of policy gives arbitrary permissions (no boundary; for roles, not service-linked either), cached by
     * the list and the positions: attackers with alike policies find the same classes of principals (shared: not
     * to be changed).
     */
    BitSet heldByAny(Targets<? extends Principal> list, BitSet positions) {
        return byClass.computeIfAbsent(new PrincipalClass(list, positions), k -> {
            BitSet out = new BitSet();
            for (int p = positions.nextSetBit(0); p >= 0; p = positions.nextSetBit(p + 1)) {
                Principal h = list.get(p);
                if (h instanceof Role r ? Own.writable(r) : Own.unbounded(h)) {
                    out.or(heldBy(h.arn()));
                }
            }
            return out;
        });
    }

    /** A class of principals by the identity of its list and its positions. */
    private record PrincipalClass(Targets<? extends Principal> list, BitSet positions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PrincipalClass c && c.list == list && c.positions.equals(positions);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(list) * 31 + positions.hashCode();
        }
    }

    /** The users and roles holding the policy at the position, in the account's order. */
    List<Principal> holders(int position) {
        return holders.get(position);
    }

    private static final BitSet EMPTY = new BitSet();
}
