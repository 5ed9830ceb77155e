package io.iamscope.access;

import io.iamscope.eval.match.ActionMatcher;
import io.iamscope.eval.match.ArnList;
import io.iamscope.model.SnapshotIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The candidate targets of a technique step (the users of an account, the roles that trust a service...), in
 * the order the technique visits them, with what the engine reads of each besides its ARN: its shape (account,
 * service, resource type), the context keys AWS derives from it (tags, region) and whether it has a resource
 * policy. {@link AccessChecker#forEachAllowed} uses these to decide many targets with one engine call. Immutable;
 * built once per list and shared by every actor.
 */
public final class Targets<T> {
    private final List<T> items;
    /** Each target's position, by identity, built on first use. */
    private volatile Map<Object, Integer> positions;
    private final ArnList arns;
    private final List<BitSet> shapes;
    private final List<Object> derived;
    private final BitSet withPolicy;
    /** Per position, the action matchers of its resource policy's statements (null without a policy). */
    private final List<List<ActionMatcher>> policyActions;
    /** Per action (lowercase), the positions whose resource policy has a statement for it. */
    private final Map<String, BitSet> withPolicyFor = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per position, the target's account (null when unknown). */
    private final List<String> accounts;
    /** Per caller account, the positions of targets known to be in another account. */
    private final Map<String, BitSet> foreignTo = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per position, a role's trust policy text (null when not a role, or a role without one). */
    private final List<String> trustTexts;
    /** Per position, the action matchers of a role trust policy's Allow statements (null without one). */
    private final List<List<ActionMatcher>> trustAllows;
    /** Per trust action (lowercase), the positions whose trust policy has an Allow statement for it. */
    private final Map<String, BitSet> trustAllowsFor = new java.util.concurrent.ConcurrentHashMap<>();
    /** Groupings by (shape, derived keys?, trust text?), built on first use. */
    private final Grouping[] groupings = new Grouping[4];

    public Targets(List<T> items, Function<T, String> arnOf, SnapshotIndex index) {
        this(items, arnOf, new TargetFacts(index), null);
    }

    /** Targets whose facts come from a shared cache and whose pattern matches are read from {@code universe}. */
    public Targets(List<T> items, Function<T, String> arnOf, TargetFacts facts, TargetUniverse universe) {
        this.items = List.copyOf(items);
        List<String> arnList = new ArrayList<>(items.size());
        Map<String, BitSet> byShape = new LinkedHashMap<>();
        this.derived = new ArrayList<>(items.size());
        this.withPolicy = new BitSet(items.size());
        this.trustTexts = new ArrayList<>(items.size());
        this.trustAllows = new ArrayList<>(items.size());
        this.policyActions = new ArrayList<>(items.size());
        this.accounts = new ArrayList<>(items.size());
        for (int i = 0; i < this.items.size(); i++) {
            String arn = arnOf.apply(this.items.get(i));
            arnList.add(arn);
            TargetFacts.Facts f = facts.of(arn);
            byShape.computeIfAbsent(f.shape(), k -> new BitSet()).set(i);
            derived.add(f.derived());
            if (f.policyActions() != null) {
                withPolicy.set(i);
            }
            policyActions.add(f.policyActions());
            accounts.add(f.account());
            trustTexts.add(f.trustText());
            trustAllows.add(f.trustAllows());
        }
        this.arns = new ArnList(arnList, universe == null ? null : universe.arns());
        this.shapes = List.copyOf(byShape.values());
    }

    /** The position of a target of this list (the same instance), or -1. */
    public int indexOf(T item) {
        Map<Object, Integer> at = positions;
        if (at == null) {
            at = new java.util.IdentityHashMap<>(items.size() * 2);
            for (int i = 0; i < items.size(); i++) {
                at.putIfAbsent(items.get(i), i);
            }
            positions = at;
        }
        return at.getOrDefault(item, -1);
    }

    public int size() {
        return items.size();
    }

    public T get(int i) {
        return items.get(i);
    }

    public String arn(int i) {
        return arns.get(i);
    }

    /** Whether a target has this ARN (as written). */
    public boolean contains(String arn) {
        return arns.contains(arn);
    }

    ArnList arns() {
        return arns;
    }

    /**
     * The positions grouped by shape, and also by the derived keys and by the trust policy text when asked:
     * targets in different groups may be decided differently even where the same statements match them.
     */
    Grouping grouping(boolean byDerived, boolean byTrust) {
        int mode = (byDerived ? 1 : 0) | (byTrust ? 2 : 0);
        synchronized (groupings) {
            if (groupings[mode] == null) {
                groupings[mode] = new Grouping(this, byDerived, byTrust);
            }
            return groupings[mode];
        }
    }

    /** A partition of the positions: each one's group id, and each group's positions. */
    static final class Grouping {
        private final int[] ids;
        private final List<BitSet> groups;

        private Grouping(Targets<?> t, boolean byDerived, boolean byTrust) {
            ids = new int[t.size()];
            if (!byDerived && !byTrust) {
                // By shape alone: the shapes are the groups, no key per target.
                for (int g = 0; g < t.shapes.size(); g++) {
                    BitSet shape = t.shapes.get(g);
                    for (int i = shape.nextSetBit(0); i >= 0; i = shape.nextSetBit(i + 1)) {
                        ids[i] = g;
                    }
                }
                this.groups = t.shapes;
                return;
            }
            Map<List<Object>, Integer> index = new java.util.HashMap<>();
            List<BitSet> out = new ArrayList<>();
            for (int g = 0; g < t.shapes.size(); g++) {
                BitSet shape = t.shapes.get(g);
                for (int i = shape.nextSetBit(0); i >= 0; i = shape.nextSetBit(i + 1)) {
                    List<Object> key = java.util.Arrays.asList(g, byDerived ? t.derived.get(i) : null,
                            byTrust ? t.trustTexts.get(i) : null);
                    int id = index.computeIfAbsent(key, k -> {
                        out.add(new BitSet());
                        return out.size() - 1;
                    });
                    ids[i] = id;
                    out.get(id).set(i);
                }
            }
            this.groups = List.copyOf(out);
        }

        int size() {
            return groups.size();
        }

        int id(int position) {
            return ids[position];
        }

        BitSet group(int id) {
            return groups.get(id);
        }
    }

    /** The trust policy text of the role at a position, or null. */
    String trustText(int i) {
        return trustTexts.get(i);
    }

    /**
     * Positions of targets whose resource policy has a statement for the action (Action matching it, or
     * NotAction not): those are decided one by one. A policy without one takes no part in the request, as if
     * the target had none (the engine reads only the statements that apply to the action).
     */
    BitSet withPolicyFor(String action) {
        return withPolicyFor.computeIfAbsent(action.toLowerCase(java.util.Locale.ROOT), a -> {
            BitSet out = new BitSet(items.size());
            for (int i = withPolicy.nextSetBit(0); i >= 0; i = withPolicy.nextSetBit(i + 1)) {
                if (policyActions.get(i).stream().anyMatch(m -> m == null || m.matches(action))) {
                    out.set(i);
                }
            }
            return out;
        });
    }

    /** The positions of targets known to be in an account other than {@code callerAccount}. */
    BitSet foreignTo(String callerAccount) {
        return foreignTo.computeIfAbsent(callerAccount, c -> {
            BitSet out = new BitSet(items.size());
            for (int i = 0; i < items.size(); i++) {
                String account = accounts.get(i);
                if (account != null && !account.equals(c)) {
                    out.set(i);
                }
            }
            return out;
        });
    }

    /**
     * The positions of roles whose trust policy has an Allow statement for the trust action. A role's trust
     * policy must itself allow a trust action (IAM User Guide: "Policy evaluation logic", role trust policies),
     * so the other roles cannot be the target of it, whoever asks: they need no decision.
     */
    BitSet trustAllowsFor(String action) {
        return trustAllowsFor.computeIfAbsent(action.toLowerCase(java.util.Locale.ROOT), a -> {
            BitSet out = new BitSet(items.size());
            for (int i = 0; i < items.size(); i++) {
                List<ActionMatcher> allows = trustAllows.get(i);
                if (allows != null && allows.stream().anyMatch(m -> m == null || m.matches(action))) {
                    out.set(i);
                }
            }
            return out;
        });
    }
}
