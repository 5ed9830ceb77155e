package io.iamscope.analysis;

import io.iamscope.catalog.Catalog;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.GraphBuilder;
import io.iamscope.graph.rules.BuiltInTechniques;
import io.iamscope.model.SnapshotIndex;

/** Workspaces of test snapshots, as the command line makes them. */
public final class Workspaces {
    /** The graph the command line builds: the builder with the built-in techniques. */
    public static final GraphSource BUILT_IN = (checker, facts, catalog, progress) ->
            GraphBuilder.build(checker, facts, catalog, BuiltInTechniques.ALL, progress);

    private static Catalog catalog;

    private Workspaces() {
    }

    public static synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = Catalog.bundled();
        }
        return catalog;
    }

    /** The local engine, the bundled catalog and the real graph builder. */
    public static Workspace of(SnapshotIndex index) {
        return new Workspace(index, catalog(), new LocalAuthorizer(), BUILT_IN);
    }

    /** The same with a hand-built graph for every context. */
    public static Workspace of(SnapshotIndex index, AccessGraph graph) {
        return new Workspace(index, catalog(), new LocalAuthorizer(), (checker, facts, c, progress) -> graph);
    }
}
