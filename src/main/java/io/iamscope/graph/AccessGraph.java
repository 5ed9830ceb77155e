package io.iamscope.graph;

import io.iamscope.access.AdminStatus;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;

/**
 * Who can become whom: a directed multigraph (JGraphT) of principals and the edges that let one act as
 * another, with the evidence for each, and each principal's admin status. Built once from a snapshot;
 * queries do not change it.
 */
public interface AccessGraph {
    /** The underlying JGraphT graph, for exporters and algorithms. */
    Graph<PrincipalNode, AccessEdge> graph();

    Optional<PrincipalNode> node(String arn);

    AdminStatus admin(PrincipalNode node);

    /**
     * Every node reachable from {@code start} (itself excluded) with one shortest path to it (fewest hops,
     * preferring definite edges), within the limits.
     */
    Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> reachableFrom(PrincipalNode start, PathLimits limits);

    /** How the build went (the time of each phase, engine calls per action), for benchmarks; empty when unknown. */
    default java.util.List<String> buildStats() {
        return java.util.List.of();
    }

    /** The shortest path from one node to another, if any. */
    Optional<GraphPath<PrincipalNode, AccessEdge>> path(PrincipalNode from, PrincipalNode to, PathLimits limits);
}
