package io.iamscope.report.html;

import io.iamscope.analysis.Hop;
import java.util.List;

/**
 * What a page draws: principals placed in layers by hop distance from the start, and the hops between them. The
 * caller chooses them (the paths that matter, bounded); {@link LayeredLayout} places them.
 *
 * @param nodes   the principals drawn, the start first, each with its layer
 * @param hops    the steps drawn, each between two of the nodes, each once
 * @param omitted how many principals reached are not drawn (the page says so)
 */
public record PathGraph(List<Node> nodes, List<Hop> hops, int omitted) {
    public PathGraph {
        nodes = List.copyOf(nodes);
        hops = List.copyOf(hops);
    }

    /**
     * A principal drawn.
     *
     * @param arn   its identity, which hops name
     * @param kind  {@code user}, {@code role}, {@code group}, {@code account} ...
     * @param name  the short name shown
     * @param layer hops from the start (0 for the start)
     * @param start whether it is the start
     * @param admin whether it is admin-equivalent
     * @param adminConditional whether that holds only under unknown keys
     */
    public record Node(String arn, String kind, String name, int layer, boolean start, boolean admin,
                       boolean adminConditional) {
    }
}
