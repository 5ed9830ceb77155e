package io.iamscope.analysis;

import io.iamscope.eval.Constraint;
import io.iamscope.eval.Outcome;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.AccessGraph;
import io.iamscope.access.AdminStatus;
import io.iamscope.graph.EdgeKind;
import io.iamscope.access.Evidence;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PathLimits;
import io.iamscope.graph.PrincipalNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.graph.GraphWalk;

/**
 * A hand-built access graph for tests, until the real graph builder is merged: nodes, edges and admin
 * statuses are declared by the test; searches are a plain breadth-first search (definite edges first).
 */
public final class FakeGraph implements AccessGraph {
    private final Graph<PrincipalNode, AccessEdge> graph = new DirectedPseudograph<>(AccessEdge.class);
    private final Map<String, PrincipalNode> nodes = new HashMap<>();
    private final Map<PrincipalNode, AdminStatus> admins = new HashMap<>();

    /** A node for an IAM ARN, its kind read from the ARN. */
    public PrincipalNode add(String arn) {
        return nodes.computeIfAbsent(arn, a -> {
            NodeKind kind = a.contains(":role/") ? NodeKind.ROLE : a.contains(":group/") ? NodeKind.GROUP
                    : a.endsWith(":root") ? NodeKind.ROOT : NodeKind.USER;
            PrincipalNode n = new PrincipalNode(a, kind, a.split(":")[4]);
            graph.addVertex(n);
            return n;
        });
    }

    public FakeGraph edge(String from, String to, EdgeKind kind, String technique, String action) {
        return edge(from, to, kind, technique, action, Constraint.TRUE, false);
    }

    public FakeGraph edge(String from, String to, EdgeKind kind, String technique, String action,
                          Constraint condition, boolean yieldsAdmin) {
        PrincipalNode f = add(from);
        PrincipalNode t = add(to);
        Evidence e = new Evidence(action, to, Outcome.ALLOW, condition, List.of());
        graph.addEdge(f, t, new AccessEdge(f, t, kind, technique, List.of(e), condition, yieldsAdmin));
        return this;
    }

    public FakeGraph admin(String arn, String how) {
        admins.put(add(arn), new AdminStatus(true, Constraint.TRUE, how, List.of()));
        return this;
    }

    @Override
    public Graph<PrincipalNode, AccessEdge> graph() {
        return graph;
    }

    @Override
    public Optional<PrincipalNode> node(String arn) {
        return Optional.ofNullable(nodes.get(arn));
    }

    @Override
    public AdminStatus admin(PrincipalNode node) {
        return admins.getOrDefault(node, AdminStatus.NOT_ADMIN);
    }

    @Override
    public Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> reachableFrom(PrincipalNode start, PathLimits limits) {
        Map<PrincipalNode, List<AccessEdge>> paths = new LinkedHashMap<>();
        paths.put(start, List.of());
        Deque<PrincipalNode> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            PrincipalNode n = queue.poll();
            List<AccessEdge> path = paths.get(n);
            if (path.size() >= limits.maxDepth()) {
                continue;
            }
            List<AccessEdge> out = new ArrayList<>(graph.outgoingEdgesOf(n));
            out.sort((a, b) -> Boolean.compare(a.conditional(), b.conditional()));
            for (AccessEdge e : out) {
                if ((e.conditional() && !limits.allowConditional()) || paths.containsKey(e.to())) {
                    continue;
                }
                List<AccessEdge> longer = new ArrayList<>(path);
                longer.add(e);
                paths.put(e.to(), longer);
                queue.add(e.to());
            }
        }
        paths.remove(start);
        Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> result = new LinkedHashMap<>();
        paths.forEach((n, p) -> result.put(n, new GraphWalk<>(graph, start, n, p, p.size())));
        return result;
    }

    @Override
    public Optional<GraphPath<PrincipalNode, AccessEdge>> path(PrincipalNode from, PrincipalNode to, PathLimits limits) {
        return Optional.ofNullable(reachableFrom(from, limits).get(to));
    }
}
