package io.iamscope.analysis;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Gatherer;
import io.iamscope.access.TargetFacts;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.Authorizer;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.BuildProgress;
import io.iamscope.model.SnapshotIndex;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One snapshot's shared helpers, built once and handed down to every analysis of it: the index, the catalog,
 * the engine, the request gatherer (whose policy instances the engine caches compiled forms by), the target
 * facts, and the access graph per attacker context. Its lifetime is visible: a command makes one, its analyses
 * share it, and it goes when the command is done (the snapshot model holds nothing of the layers above).
 * Thread-safe.
 */
public final class Workspace {
    private final SnapshotIndex index;
    private final Catalog catalog;
    private final Authorizer engine;
    private final GraphSource graphs;
    private final Gatherer gatherer;
    private final TargetFacts facts;
    private final Map<RequestContext, AccessGraph> built = new ConcurrentHashMap<>();

    /**
     * @param engine the authorizer every analysis of the snapshot asks (the graph build too)
     * @param graphs how the access graph is built
     */
    public Workspace(SnapshotIndex index, Catalog catalog, Authorizer engine, GraphSource graphs) {
        this(index, catalog, engine, graphs, new Gatherer(index));
    }

    private Workspace(SnapshotIndex index, Catalog catalog, Authorizer engine, GraphSource graphs, Gatherer gatherer) {
        this.index = index;
        this.catalog = catalog;
        this.engine = engine;
        this.graphs = graphs;
        this.gatherer = gatherer;
        this.facts = new TargetFacts(index);
    }

    /**
     * The workspace of a snapshot that is {@code earlier}'s with some changes (a plan applied, a later
     * collection): the same catalog, engine and graph source, and a gatherer that hands out {@code earlier}'s
     * policy instances where they are unchanged, so that the engine's compiled forms of the unchanged principals
     * serve both (docs/performance.md, "diff and check"). What it computes is what a workspace of its own would.
     */
    public static Workspace following(Workspace earlier, SnapshotIndex index) {
        return new Workspace(index, earlier.catalog, earlier.engine, earlier.graphs,
                new Gatherer(index, earlier.gatherer));
    }

    public SnapshotIndex index() {
        return index;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Authorizer engine() {
        return engine;
    }

    public Gatherer gatherer() {
        return gatherer;
    }

    public TargetFacts targetFacts() {
        return facts;
    }

    /** Engine checks about the snapshot, every request starting from {@code context}. */
    public AccessChecker checker(RequestContext context) {
        return new AccessChecker(gatherer, engine, context);
    }

    /** The access graph for the attacker's context, built on first use. */
    public AccessGraph graph(RequestContext context) {
        return graph(context, BuildProgress.NONE);
    }

    /**
     * The access graph for the attacker's context; when it is built now, {@code progress} is told as each phase
     * of the build starts (a caller may put the cores a phase leaves idle to use).
     */
    public AccessGraph graph(RequestContext context, BuildProgress progress) {
        AccessGraph g = built.get(context);
        if (g == null) {
            // Not computeIfAbsent: a build takes seconds, and the map must not be locked meanwhile.
            g = graphs.build(checker(context), facts, catalog, progress);
            AccessGraph earlier = built.putIfAbsent(context, g);
            if (earlier != null) {
                g = earlier;
            }
        }
        return g;
    }
}
