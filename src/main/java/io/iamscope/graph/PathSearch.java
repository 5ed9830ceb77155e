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
 * not of the graph.
 */
final class PathSearch {
    static final String YIELDS_ADMIN = "yields-admin";

    private final AccessGraph graph;
    private final PathLimits limits;

    PathSearch(AccessGraph graph, PathLimits limits) {
        this.graph = graph;
        this.limits = limits == null ? PathLimits.DEFAULT : limits;
    }

    private record Label(int hops, int conditional, AccessEdge via, PrincipalNode prev) {
        long key() {
            return ((long) hops << 32) | conditional;
        }
    }

    private record Entry(PrincipalNode node, long key) {
    }

    Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> from(PrincipalNode start) {
        if (!graph.graph().containsVertex(start)) {
            return Map.of();
        }
        Map<PrincipalNode, Label> best = new HashMap<>();
        best.put(start, new Label(0, 0, null, null));
        PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> Long.compare(a.key, b.key));
        queue.add(new Entry(start, 0));
        List<PrincipalNode> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            Entry e = queue.poll();
            Label here = best.get(e.node);
            if (here.key() != e.key) {
                continue;
            }
            if (e.node != start) {
                order.add(e.node);
            }
            if (here.hops >= limits.maxDepth()) {
                continue;
            }
            for (AccessEdge edge : graph.graph().outgoingEdgesOf(e.node)) {
                relax(edge, here, best, queue);
            }
            if (here.via != null && here.via.yieldsAdmin() && e.node.account() != null
                    && e.node.kind() != NodeKind.ROOT) {
                graph.node("arn:aws:iam::" + e.node.account() + ":root").ifPresent(root ->
                        relax(new AccessEdge(e.node, root, EdgeKind.ESCALATE, YIELDS_ADMIN, List.of(),
                                Constraint.TRUE, false), here, best, queue));
            }
        }
        Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> out = new LinkedHashMap<>();
        for (PrincipalNode n : order) {
            out.put(n, walk(start, n, best));
        }
        return out;
    }

    private void relax(AccessEdge edge, Label here, Map<PrincipalNode, Label> best, PriorityQueue<Entry> queue) {
        if (edge.conditional() && !limits.allowConditional()) {
            return;
        }
        PrincipalNode to = edge.to();
        Label next = new Label(here.hops + 1, here.conditional + (edge.conditional() ? 1 : 0), edge, edge.from());
        Label old = best.get(to);
        if (old == null || next.key() < old.key()) {
            best.put(to, next);
            queue.add(new Entry(to, next.key()));
        }
    }

    private GraphPath<PrincipalNode, AccessEdge> walk(PrincipalNode start, PrincipalNode end,
                                                      Map<PrincipalNode, Label> best) {
        List<AccessEdge> edges = new ArrayList<>();
        List<PrincipalNode> nodes = new ArrayList<>();
        PrincipalNode n = end;
        while (n != start) {
            Label l = best.get(n);
            edges.add(l.via);
            nodes.add(n);
            n = l.prev;
        }
        nodes.add(start);
        Collections.reverse(edges);
        Collections.reverse(nodes);
        return new GraphWalk<>(graph.graph(), start, end, nodes, edges, edges.size());
    }
}
