package io.iamscope.analysis.blast.enumerate;

import io.iamscope.catalog.Action;
import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import io.iamscope.access.TargetFacts;
import io.iamscope.access.Targets;
import io.iamscope.model.Account;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What every enumeration of one snapshot shares, whoever it starts from and whatever the attacker's context:
 * each action's resource and target lists ({@link ResourcePool}), the classes of actions no policy tells apart
 * ({@link ActionClasses}), the actions some resource or trust policy grants, and the member lists of classes
 * of targets. Built once per snapshot and kept by its blast radius analysis, so that a second blast radius on
 * the same snapshot finds them made; a blast radius builds them on another core while it finds the paths
 * ({@link #prepare}), and may start on them while the graph is built.
 * Thread-safe.
 */
public final class EnumerationLists {
    private final SnapshotIndex index;
    private final Catalog catalog;
    private final ResourcePool pool;
    private final ActionSet resourcePolicyActions;
    private final Map<Members, List<String>> memberLists = new ConcurrentHashMap<>();
    private volatile ActionClasses actionClasses;

    /** The lists of one snapshot, its resources' facts read from {@code facts}. */
    public EnumerationLists(SnapshotIndex index, Catalog catalog, TargetFacts facts) {
        this.index = index;
        this.catalog = catalog;
        this.pool = new ResourcePool(index, catalog, facts);
        this.resourcePolicyActions = resourcePolicyActions(index, catalog);
    }

    /** How many actions' target lists are built so far (the work {@link #prepare} does ahead). */
    public int builtTargetLists() {
        return pool.targetLists();
    }

    ResourcePool pool() {
        return pool;
    }

    /** Actions some resource or trust policy of the snapshot allows: they may be granted without an identity policy. */
    ActionSet resourcePolicyActions() {
        return resourcePolicyActions;
    }

    /** Built on first use: a pass over every statement of the snapshot. */
    ActionClasses actionClasses() {
        ActionClasses c = actionClasses;
        if (c == null) {
            synchronized (this) {
                c = actionClasses;
                if (c == null) {
                    c = ActionClasses.of(index.snapshot(), catalog);
                    actionClasses = c;
                }
            }
        }
        return c;
    }

    /**
     * The ARNs of a class of targets. Thousands of actions and several principals find the same classes: their
     * member lists are built once and shared, which keeps a large enumeration from holding a copy of ten
     * thousand ARNs per action.
     */
    List<String> members(Targets<String> targets, BitSet positions) {
        return memberLists.computeIfAbsent(new Members(targets, (BitSet) positions.clone()), Members::arns);
    }

    /**
     * Builds the classes of actions and every action's resource and target lists, until {@code stop} says so:
     * an administrator's enumeration needs them all, and enumerations building them as they go wait on each
     * other. Any list not built yet is built by whoever needs it first.
     */
    public void prepare(BooleanSupplier stop) {
        actionClasses();
        for (Action a : catalog.actions()) {
            if (stop.getAsBoolean()) {
                return;
            }
            if (!a.resources().isEmpty() && !pool.forAction(a).isEmpty()) {
                pool.targetsFor(a);
            }
        }
    }

    /** A class of targets, by the identity of their shared list and their positions in it. */
    private record Members(Targets<String> targets, BitSet positions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Members m && m.targets == targets && m.positions.equals(positions);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(targets) * 31 + positions.hashCode();
        }

        List<String> arns() {
            List<String> out = new ArrayList<>(positions.cardinality());
            positions.stream().forEach(i -> out.add(targets.arn(i)));
            return List.copyOf(out);
        }
    }

    private static ActionSet resourcePolicyActions(SnapshotIndex index, Catalog catalog) {
        ActionSet.Builder b = new ActionSet.Builder(catalog.size());
        // Ten thousand trust policies name sts:AssumeRole: each pattern as written is expanded once.
        Set<String> named = new HashSet<>();
        for (Account a : index.snapshot().accounts()) {
            for (Resource r : a.resources()) {
                addAllows(r.policy(), catalog, named, b);
            }
            for (Role r : a.roles()) {
                addAllows(r.trustPolicy(), catalog, named, b);
            }
        }
        named.forEach(p -> b.addAll(catalog.expand(p)));
        return b.build();
    }

    private static void addAllows(PolicyDocument doc, Catalog catalog, Set<String> named, ActionSet.Builder negated) {
        if (doc == null) {
            return;
        }
        for (Statement s : doc.statements()) {
            if (s.effect() == Effect.ALLOW && s.action() != null) {
                if (s.action().negated()) {
                    negated.addAll(catalog.complement(catalog.expandAll(s.action().patterns())));
                } else {
                    named.addAll(s.action().patterns());
                }
            }
        }
    }
}
