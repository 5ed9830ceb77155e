package io.iamscope.analysis.blast;

import io.iamscope.analysis.Hop;
import io.iamscope.graph.NodeKind;
import java.util.List;

/**
 * A principal the start can act as, with one shortest path to it.
 *
 * @param conditional      whether some hop of the path holds only under unknown keys
 * @param admin            whether the principal is admin-equivalent
 * @param adminConditional whether that depends on unknown keys
 */
public record Reachable(String arn, NodeKind kind, String account, List<Hop> path, boolean conditional,
                        boolean admin, boolean adminConditional) {
    public Reachable {
        path = List.copyOf(path);
    }
}
