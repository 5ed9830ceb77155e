package io.iamscope.analysis;

import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.PathLimits;
import io.iamscope.graph.PrincipalNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.graph.AsSubgraph;

/**
 * The part of the access graph that matters to one start: the shortest path to every principal it reaches (or,
 * {@code toAdmin}, to every administrator only). Shortest paths share their beginnings, so it is a tree rooted at
 * the start, each node at its hop count: what a picture of a compromise needs, not the whole account.
 */
public final class StartSubgraph {
    private StartSubgraph() {
    }

    public static Graph<PrincipalNode, AccessEdge> of(AccessGraph graph, PrincipalNode start, boolean toAdmin,
                                                      PathLimits limits) {
        Set<PrincipalNode> nodes = new LinkedHashSet<>();
        Set<AccessEdge> edges = new LinkedHashSet<>();
        nodes.add(start);
        for (var e : graph.reachableFrom(start, limits).entrySet()) {
            GraphPath<PrincipalNode, AccessEdge> path = e.getValue();
            List<AccessEdge> hops = path.getEdgeList();
            boolean admin = graph.admin(e.getKey()).admin()
                    || (!hops.isEmpty() && hops.get(hops.size() - 1).yieldsAdmin());
            if (!toAdmin || admin) {
                nodes.addAll(path.getVertexList());
                edges.addAll(hops);
            }
        }
        return new AsSubgraph<>(graph.graph(), nodes, edges);
    }
}
