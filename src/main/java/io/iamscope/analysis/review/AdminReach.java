package io.iamscope.analysis.review;

import io.iamscope.access.AdminCheck;
import io.iamscope.access.AdminStatus;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PathLimits;
import io.iamscope.graph.PrincipalNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every node's shortest route to an administrator, found for all nodes at once: a breadth-first search backwards
 * from the administrators (account nodes, principals admin-equivalent by their own permissions) and from the
 * edges that make their target an administrator ({@link AccessEdge#yieldsAdmin()}), the same ends
 * {@link io.iamscope.graph.AdminPaths#shortest} stops at. Definite edges first: a node gets a route with a
 * conditional edge only when it has no definite one within the limits. One pass over the graph instead of a
 * search per principal ({@code AdminReachTest} checks it against {@code AdminPaths} on every node).
 */
public final class AdminReach {
    /** The next edge towards an administrator and the route's length. */
    private record Next(AccessEdge edge, int hops) {
    }

    private final AccessGraph graph;
    private final Map<PrincipalNode, Next> definite;
    private final Map<PrincipalNode, Next> any;

    private AdminReach(AccessGraph graph, Map<PrincipalNode, Next> definite, Map<PrincipalNode, Next> any) {
        this.graph = graph;
        this.definite = definite;
        this.any = any;
    }

    public static AdminReach of(AccessGraph graph, PathLimits limits) {
        Map<PrincipalNode, Next> definite = search(graph, limits.maxDepth(), false);
        Map<PrincipalNode, Next> any = limits.allowConditional() ? search(graph, limits.maxDepth(), true) : definite;
        return new AdminReach(graph, definite, any);
    }

    /**
     * Admin as it stands: an account node, or a principal admin-equivalent by its own permissions (one that can
     * make itself admin has an edge to its account node instead, so that its path shows the technique).
     */
    static boolean isAdmin(AccessGraph graph, PrincipalNode n) {
        if (n.kind() == NodeKind.ROOT) {
            return true;
        }
        AdminStatus s = graph.admin(n);
        return s.admin() && AdminCheck.BY_OWN_PERMISSIONS.equals(s.how());
    }

    public boolean isAdmin(PrincipalNode n) {
        return isAdmin(graph, n);
    }

    /** Whether the node can become an administrator (it is not one itself). */
    public boolean reaches(PrincipalNode n) {
        return !isAdmin(n) && any.containsKey(n);
    }

    /** Whether the node can become an administrator by definite edges only (it is not one itself). */
    public boolean reachesDefinitely(PrincipalNode n) {
        return !isAdmin(n) && definite.containsKey(n);
    }

    /** The shortest route to an administrator (definite if there is one), empty when none or when it is one. */
    public List<AccessEdge> path(PrincipalNode n) {
        Map<PrincipalNode, Next> routes = definite.containsKey(n) ? definite : any;
        List<AccessEdge> out = new ArrayList<>();
        Next next = routes.get(n);
        while (next != null && next.edge() != null) {
            out.add(next.edge());
            if (next.edge().yieldsAdmin()) {
                break;
            }
            next = routes.get(next.edge().to());
        }
        return out;
    }

    /** The administrator a route ends at: the last edge's target. */
    static PrincipalNode end(List<AccessEdge> path) {
        return path.get(path.size() - 1).to();
    }

    private static Map<PrincipalNode, Next> search(AccessGraph graph, int maxDepth, boolean conditional) {
        Map<PrincipalNode, Next> out = new HashMap<>();
        List<PrincipalNode> layer = new ArrayList<>();
        List<PrincipalNode> next = new ArrayList<>();
        for (PrincipalNode n : graph.graph().vertexSet()) {
            if (isAdmin(graph, n)) {
                out.put(n, new Next(null, 0));
                layer.add(n);
            }
        }
        for (AccessEdge e : graph.graph().edgeSet()) {
            if (e.yieldsAdmin() && (conditional || !e.conditional()) && !out.containsKey(e.from())) {
                out.put(e.from(), new Next(e, 1));
                next.add(e.from());
            }
        }
        for (int depth = 0; depth < maxDepth && !(layer.isEmpty() && next.isEmpty()); depth++) {
            for (PrincipalNode n : layer) {
                for (AccessEdge e : graph.graph().incomingEdgesOf(n)) {
                    if ((conditional || !e.conditional()) && !out.containsKey(e.from())) {
                        out.put(e.from(), new Next(e, depth + 1));
                        next.add(e.from());
                    }
                }
            }
            layer = next;
            next = new ArrayList<>();
        }
        return out;
    }
}
