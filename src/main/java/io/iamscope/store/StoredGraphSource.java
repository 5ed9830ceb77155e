package io.iamscope.store;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.TargetFacts;
import io.iamscope.analysis.GraphSource;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.BuildProgress;
import io.iamscope.graph.JGraphTAccessGraph;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link GraphSource} that reads the graph from a {@link GraphStore} when it holds one for the same inputs and
 * attacker context, and otherwise builds it and stores it. The inputs' key is computed when a graph is first
 * asked for (reading the input files once more, from the page cache); the attacker context is added to it per
 * build, as the workspace builds one graph per context.
 */
public final class StoredGraphSource implements GraphSource {
    private final GraphSource builder;
    private final GraphStore store;
    private final Supplier<StoreKey> inputs;
    private final Consumer<String> notes;
    private final Consumer<String> warnings;

    /**
     * @param builder  builds a graph the store does not hold
     * @param inputs   the key of everything but the context: input files, options, versions
     * @param notes    told in one line that a graph was read from the store
     * @param warnings told in one line of an entry not used or a graph not stored
     */
    public StoredGraphSource(GraphSource builder, GraphStore store, Supplier<StoreKey> inputs, Consumer<String> notes,
                             Consumer<String> warnings) {
        this.builder = builder;
        this.store = store;
        this.inputs = inputs;
        this.notes = notes;
        this.warnings = warnings;
    }

    @Override
    public AccessGraph build(AccessChecker checker, TargetFacts facts, Catalog catalog, BuildProgress progress) {
        StoreKey key;
        try {
            key = inputs.get().with("attacker context", describe(checker.base()));
        } catch (java.io.UncheckedIOException e) {
            warnings.accept("graph not stored: cannot read an input again: " + e.getCause().getMessage());
            return builder.build(checker, facts, catalog, progress);
        }
        Optional<JGraphTAccessGraph> stored = store.load(key, warnings);
        if (stored.isPresent()) {
            notes.accept("access graph read from the store (`" + store.entry(key) + "`; --no-cache builds it anew)");
            return stored.get();
        }
        AccessGraph built = builder.build(checker, facts, catalog, progress);
        if (built instanceof JGraphTAccessGraph g) {
            store.save(key, g, warnings);
        }
        return built;
    }

    /**
     * Everything of a context that may change a graph: each key's name as written (condition descriptions quote
     * it) with its values in order, and each unknown key, said when it is known to be present. Keys in name order:
     * a context keeps its unknown keys in a set whose order differs from one run to the next.
     */
    static String describe(RequestContext context) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(context.entries()).forEach((k, values) -> {
            sb.append("key ").append(k.length()).append(':').append(k);
            values.forEach(v -> sb.append(" value ").append(v.length()).append(':').append(v));
            sb.append('\n');
        });
        for (String k : new java.util.TreeSet<>(context.unknownKeys())) {
            sb.append(context.isPresentUnknown(k) ? "present unknown " : "unknown ").append(k.length()).append(':')
                    .append(k).append('\n');
        }
        return sb.toString();
    }
}
