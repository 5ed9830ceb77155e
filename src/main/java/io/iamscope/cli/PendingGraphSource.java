package io.iamscope.cli;

import io.iamscope.analysis.GraphSource;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.Authorizer;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessGraph;
import io.iamscope.model.SnapshotIndex;

/**
 * PLACEHOLDER until the graph builder's branch is merged: the production {@link GraphSource} will be
 * {@code GraphBuilder} ({@code io.iamscope.graph}). At merge, replace {@link #INSTANCE}'s uses in
 * {@code BlastRadiusCommand} and {@code WhoCanCommand} with the builder and delete this class.
 */
final class PendingGraphSource implements GraphSource {
    static final GraphSource INSTANCE = new PendingGraphSource();

    @Override
    public AccessGraph build(SnapshotIndex index, Authorizer authorizer, Catalog catalog, RequestContext base) {
        throw new UnsupportedOperationException("graph builder not merged yet");
    }
}
