package io.iamscope.graph;

import io.iamscope.eval.Constraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.jgrapht.GraphPath;
import org.jgrapht.graph.GraphWalk;

/**
 * Shortest paths from one node: fewest hops first, then fewest conditional edges (a definite route is
 * preferred over an equally short conditional one), within {@link PathLimits}.
 *
 * <p>An edge that {@linkplain AccessEdge#yieldsAdmin() yields admin} makes its target admin-equivalent along
 * that path only (the attacker gave it arbitrary permissions), so from there the search also steps to the
 * target's account node through a synthetic {@code yields-admin} edge, which is part of the returned path but
 * not of the graph. Whether a node was reached by such an edge is part of the search's state: an actor that can
 * both assume a role and write a policy onto it reaches the role twice in one hop, and only the second arrival
 * leads on to the account. Keeping one arrival per node would let the plain one win and lose the escalation.
 * Of two equally short arrivals at a node, the path reported for it is the one that made it admin.
 */
final class PathSearch {
    static final String YIELDS_ADMIN = "yields-admin";

    private final AccessGraph graph;
    private final PathLimits limits;

    PathSearch(AccessGraph graph, PathLimits limits) {
        this.graph = graph;
        this.limits = limits == null ? PathLimits.DEFAULT : limits;
    }

    /** A node, and whether the path arrived by an edge that made it admin-equivalent. */
    private record State(PrincipalNode node, boolean madeAdmin) {
    }

    private record Label(int hops, int conditional, AccessEdge via, State prev) {
        long key() {
            return ((long) hops << 32) | conditional;
        }
    }

    private record Entry(State state, long key) {
    }

    Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> from(PrincipalNode startNode) {
        if (!graph.graph().containsVertex(startNode)) {
            return Map.of();
        }
        State start = new State(startNode, false);
        Map<State, Label> best = new HashMap<>();
        best.put(start, new Label(0, 0, null, null));
        PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> Long.compare(a.key, b.key));
        queue.add(new Entry(start, 0));
        // Per node, the state its reported path ends in: the first settled, or a made-admin one as short.
        Map<PrincipalNode, State> reported = new LinkedHashMap<>();
        while (!queue.isEmpty()) {
            Entry e = queue.poll();
            Label here = best.get(e.state);
            if (here.key() != e.key) {
                continue;
            }
            PrincipalNode node = e.state.node();
            if (node != startNode) {
                State earlier = reported.get(node);
                if (earlier == null || (e.state.madeAdmin() && best.get(earlier).key() == here.key())) {
                    reported.put(node, e.state);
                }
            }
            if (here.hops >= limits.maxDepth()) {
                continue;
            }
            for (AccessEdge edge : graph.graph().outgoingEdgesOf(node)) {
                relax(edge, e.state, here, best, queue);
            }
            if (e.state.madeAdmin() && node.account() != null && node.kind() != NodeKind.ROOT) {
                graph.node("arn:aws:iam::" + node.account() + ":root").ifPresent(root ->
                        relax(new AccessEdge(node, root, EdgeKind.ESCALATE, YIELDS_ADMIN, List.of(),
                                Constraint.TRUE, false), e.state, here, best, queue));
            }
        }
        Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> out = new LinkedHashMap<>();
        reported.forEach((node, state) -> out.put(node, walk(start, state, best)));
        return out;
    }

    private void relax(AccessEdge edge, State from, Label here, Map<State, Label> best, PriorityQueue<Entry> queue) {
        if (edge.conditional() && !limits.allowConditional()) {
            return;
        }
        State to = new State(edge.to(), edge.yieldsAdmin());
        Label next = new Label(here.hops + 1, here.conditional + (edge.conditional() ? 1 : 0), edge, from);
        Label old = best.get(to);
        if (old == null || next.key() < old.key()) {
            best.put(to, next);
            queue.add(new Entry(to, next.key()));
        }
    }

    private GraphPath<PrincipalNode, AccessEdge> walk(State start, State end, Map<State, Label> best) {
        List<AccessEdge> edges = new ArrayList<>();
        List<PrincipalNode> nodes = new ArrayList<>();
        State s = end;
        while (!s.equals(start)) {
            Label l = best.get(s);
            edges.add(l.via);
            nodes.add(s.node());
            s = l.prev;
        }
        nodes.add(start.node());
        Collections.reverse(edges);
        Collections.reverse(nodes);
        return new GraphWalk<>(graph.graph(), start.node(), end.node(), nodes, edges, edges.size());
    }
}
