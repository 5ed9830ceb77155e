package io.iamscope.graph;

import io.iamscope.access.AdminStatus;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.GraphPath;
import org.jgrapht.graph.GraphWalk;

/**
 * The shortest path from a node to any admin-equivalent principal: an account node, a principal whose own
 * permissions are admin-equivalent, or a target made admin by the path's last edge. A start that is itself
 * admin-equivalent gets a path of no edges.
 */
public final class AdminPaths {
    private AdminPaths() {
    }

    public static Optional<GraphPath<PrincipalNode, AccessEdge>> shortest(AccessGraph graph, PrincipalNode from,
                                                                          PathLimits limits) {
        if (isAdmin(graph, from)) {
            return Optional.of(GraphWalk.singletonWalk(graph.graph(), from));
        }
        // reachableFrom yields nodes in order of (hops, conditional edges): the first admin one is the best.
        for (Map.Entry<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> e : graph.reachableFrom(from, limits).entrySet()) {
            GraphPath<PrincipalNode, AccessEdge> p = e.getValue();
            boolean madeAdmin = !p.getEdgeList().isEmpty() && p.getEdgeList().get(p.getLength() - 1).yieldsAdmin();
            if (isAdmin(graph, e.getKey()) || madeAdmin) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Admin as it stands: an account node or a principal whose own permissions are admin-equivalent. A
     * principal that can make itself admin in one step has an edge to its account node instead, so that the
     * path shows the technique.
     */
    static boolean isAdmin(AccessGraph graph, PrincipalNode n) {
        AdminStatus s = graph.admin(n);
        return n.kind() == NodeKind.ROOT || (s.admin() && GraphBuilder.ADMIN_EQUIVALENT.equals(s.how()));
    }
}
