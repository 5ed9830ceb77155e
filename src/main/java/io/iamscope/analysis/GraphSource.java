package io.iamscope.analysis;

import io.iamscope.catalog.Catalog;
import io.iamscope.eval.Authorizer;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessGraph;
import io.iamscope.model.SnapshotIndex;

/**
 * Where the analyses get their access graph: the one seam between them and the graph builder, so that they
 * can be tested on a hand-built graph and the builder can change without touching them.
 */
@FunctionalInterface
public interface GraphSource {
    /**
     * Builds the access graph of a snapshot.
     *
     * @param base the attacker's context: edges that hold only under unknown keys are conditional
     */
    AccessGraph build(SnapshotIndex index, Authorizer authorizer, Catalog catalog, RequestContext base);
}
