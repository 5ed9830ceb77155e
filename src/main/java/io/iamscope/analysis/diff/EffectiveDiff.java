package io.iamscope.analysis.diff;

import io.iamscope.analysis.review.AdminReach;
import io.iamscope.analysis.review.Cites;
import io.iamscope.analysis.review.ReachSets;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PathLimits;
import io.iamscope.graph.PrincipalNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What two access graphs mean for each user and role: standing towards administrator (one backward search per
 * graph, as the review's) and reach (one bit set per strongly connected component, both graphs indexed over the
 * union of their nodes so that sets compare word by word). Linear in the graphs, not a search per principal.
 */
public final class EffectiveDiff {
    /** How many newly reachable principals a change lists by name; the count says the rest. */
    public static final int LISTED = 20;

    private EffectiveDiff() {
    }

    /** The users and roles whose standing or reach changed, those that gained first, then by ARN. */
    public static List<PrincipalChange> between(AccessGraph before, AccessGraph after, PathLimits limits) {
        Set<PrincipalNode> all = new LinkedHashSet<>(before.graph().vertexSet());
        all.addAll(after.graph().vertexSet());
        List<PrincipalNode> universe = all.stream().sorted(Comparator.comparing(PrincipalNode::arn)).toList();
        ReachSets reachBefore = ReachSets.of(before, universe);
        ReachSets reachAfter = ReachSets.of(after, universe);
        AdminReach adminBefore = AdminReach.of(before, limits);
        AdminReach adminAfter = AdminReach.of(after, limits);
        BitSet accountNodes = accountNodes(universe);
        List<PrincipalChange> out = new ArrayList<>();
        for (PrincipalNode n : universe) {
            if ((n.kind() != NodeKind.USER && n.kind() != NodeKind.ROLE) || !after.graph().containsVertex(n)) {
                continue; // a principal removed is a structural change; what it reached no longer matters
            }
            boolean existed = before.graph().containsVertex(n);
            AdminState was = existed ? state(adminBefore, n) : AdminState.ABSENT;
            AdminState is = state(adminAfter, n);
            BitSet newly = (BitSet) reachAfter.of(n).clone();
            BitSet lost = new BitSet();
            if (existed) {
                newly.andNot(reachBefore.of(n));
                lost = (BitSet) reachBefore.of(n).clone();
                lost.andNot(reachAfter.of(n));
            }
            clearSelfAndAbsent(newly, n, universe, after);
            clearSelfAndAbsent(lost, n, universe, before);
            // The accounts it controls are read off its whole reach set: only worth it when something changed.
            if (existed && !newly.isEmpty()) {
                clearControlled(newly, controlled(n, was, reachBefore, accountNodes, universe), universe);
            }
            if (existed && !lost.isEmpty()) {
                clearControlled(lost, controlled(n, is, reachAfter, accountNodes, universe), universe);
            }
            if (was == is && newly.isEmpty() && lost.isEmpty() || !existed && newly.isEmpty()
                    && is.ordinal() <= AdminState.NONE.ordinal()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            List<String> accounts = new ArrayList<>();
            for (int i = newly.nextSetBit(0); i >= 0; i = newly.nextSetBit(i + 1)) {
                PrincipalNode r = universe.get(i);
                if (names.size() < LISTED) {
                    names.add(r.arn());
                }
                if (r.kind() == NodeKind.ROOT && r.account() != null) {
                    accounts.add(r.account());
                }
            }
            boolean gainedAdmin = is.worseThan(was) && is.ordinal() >= AdminState.REACHES_ADMIN_IF.ordinal()
                    && is != AdminState.ADMIN;
            out.add(new PrincipalChange(n.arn(), was, is, gainedAdmin ? Cites.path(adminAfter.path(n)) : List.of(),
                    names, newly.cardinality(), accounts, lost.cardinality()));
        }
        out.sort(Comparator.comparing((PrincipalChange c) -> !c.after().worseThan(c.before()))
                .thenComparing(c -> -c.newlyCount()).thenComparing(PrincipalChange::arn));
        return List.copyOf(out);
    }

    /**
     * The accounts a principal controls in one graph: its own when it is admin-equivalent, and every account whose
     * node it reaches. A principal it reaches in one of them is no gain (or loss): whoever controls an account can
     * act as anyone in it, a role created there included.
     */
    private static Set<String> controlled(PrincipalNode n, AdminState state, ReachSets reach, BitSet accountNodes,
                                          List<PrincipalNode> universe) {
        Set<String> out = new java.util.HashSet<>();
        if (state == AdminState.ADMIN && n.account() != null) {
            out.add(n.account());
        }
        // Only the account nodes of the reach set matter: a handful of bits, not the thousands it reaches.
        BitSet r = (BitSet) reach.of(n).clone();
        r.and(accountNodes);
        for (int i = r.nextSetBit(0); i >= 0; i = r.nextSetBit(i + 1)) {
            PrincipalNode x = universe.get(i);
            if (x.kind() == NodeKind.ROOT && x.account() != null) {
                out.add(x.account());
            }
        }
        return out;
    }

    /** The positions of the universe's account nodes (a root with its account). */
    private static BitSet accountNodes(List<PrincipalNode> universe) {
        BitSet out = new BitSet(universe.size());
        for (int i = 0; i < universe.size(); i++) {
            PrincipalNode x = universe.get(i);
            if (x.kind() == NodeKind.ROOT && x.account() != null) {
                out.set(i);
            }
        }
        return out;
    }

    private static void clearControlled(BitSet set, Set<String> accounts, List<PrincipalNode> universe) {
        if (accounts.isEmpty()) {
            return;
        }
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            PrincipalNode r = universe.get(i);
            if (r.account() != null && accounts.contains(r.account()) && r.kind() != NodeKind.ROOT) {
                set.clear(i);
            }
        }
    }

    /** A principal's standing towards administrator in the graph {@code reach} was computed over. */
    public static AdminState state(AdminReach reach, PrincipalNode n) {
        if (reach.isAdmin(n)) {
            return AdminState.ADMIN;
        }
        if (reach.reachesDefinitely(n)) {
            return AdminState.REACHES_ADMIN;
        }
        return reach.reaches(n) ? AdminState.REACHES_ADMIN_IF : AdminState.NONE;
    }

    private static void clearSelfAndAbsent(BitSet set, PrincipalNode self, List<PrincipalNode> universe,
                                           AccessGraph graph) {
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            PrincipalNode r = universe.get(i);
            if (r.equals(self) || !graph.graph().containsVertex(r)) {
                set.clear(i);
            }
        }
    }
}
