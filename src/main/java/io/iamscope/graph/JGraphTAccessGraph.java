package io.iamscope.graph;

import io.iamscope.access.AdminStatus;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.graph.AsUnmodifiableGraph;

/**
 * {@link AccessGraph} over a JGraphT directed pseudograph (loops and parallel edges allowed: one principal may
 * reach another by several techniques). Immutable once built; queries are thread-safe.
 */
public final class JGraphTAccessGraph implements AccessGraph {
    private final Graph<PrincipalNode, AccessEdge> graph;
    private final Map<String, PrincipalNode> byArn;
    private final Map<PrincipalNode, AdminStatus> admins;
    private final java.util.List<String> buildStats;

    JGraphTAccessGraph(Graph<PrincipalNode, AccessEdge> graph, Map<String, PrincipalNode> byArn,
                       Map<PrincipalNode, AdminStatus> admins) {
        this(graph, byArn, admins, java.util.List.of());
    }

    JGraphTAccessGraph(Graph<PrincipalNode, AccessEdge> graph, Map<String, PrincipalNode> byArn,
                       Map<PrincipalNode, AdminStatus> admins, java.util.List<String> buildStats) {
        this.buildStats = java.util.List.copyOf(buildStats);
        this.graph = new AsUnmodifiableGraph<>(graph);
        this.byArn = Collections.unmodifiableMap(byArn);
        this.admins = Collections.unmodifiableMap(admins);
    }

    @Override
    public Graph<PrincipalNode, AccessEdge> graph() {
        return graph;
    }

    @Override
    public Optional<PrincipalNode> node(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    @Override
    public AdminStatus admin(PrincipalNode node) {
        return admins.getOrDefault(node, AdminStatus.NOT_ADMIN);
    }

    @Override
    public java.util.List<String> buildStats() {
        return buildStats;
    }

    /** The admin-equivalent nodes with their status (account roots included). */
    public Map<PrincipalNode, AdminStatus> admins() {
        return admins;
    }

    @Override
    public Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> reachableFrom(PrincipalNode start,
                                                                                 PathLimits limits) {
        return new PathSearch(this, limits).from(start);
    }

    @Override
    public Optional<GraphPath<PrincipalNode, AccessEdge>> path(PrincipalNode from, PrincipalNode to, PathLimits limits) {
        return Optional.ofNullable(new PathSearch(this, limits).from(from).get(to));
    }
}
