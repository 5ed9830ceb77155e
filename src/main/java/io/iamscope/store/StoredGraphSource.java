package io.iamscope.store;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.TargetFacts;
import io.iamscope.analysis.GraphSource;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.BuildProgress;
import io.iamscope.graph.JGraphTAccessGraph;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link GraphSource} that reads the graph from a {@link GraphStore} when it holds one for the same inputs and
 * attacker context, and otherwise builds it and stores it. The inputs' key (a digest of the input files) and the
 * stored graph can be read ahead, on another core while the snapshot is read ({@link #readAhead}): a warm run
 * then costs little more than reading the snapshot, which its analyses need anyway.
 */
public final class StoredGraphSource implements GraphSource {
    private final GraphSource builder;
    private final GraphStore store;
    private final Supplier<StoreKey> inputs;
    private final Consumer<String> notes;
    private final Consumer<String> warnings;
    private StoreKey inputsKey;
    private volatile CompletableFuture<Lookup> ahead;

    /** What a look-up of the store found: the key, the graph if stored, the warnings to tell. */
    private record Lookup(StoreKey key, Optional<JGraphTAccessGraph> graph, List<String> warnings) {
    }

    /**
     * @param builder  builds a graph the store does not hold
     * @param inputs   the key of everything but the context: input files, options, versions; asked once
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

    /**
     * Starts looking up the graph of the attacker context {@code expected} on a thread of its own (not the common
     * pool, which reading the snapshot uses). Its warnings are told when the graph is asked for, on the caller's
     * thread, so that standard error reads the same whatever the timing.
     */
    public StoredGraphSource readAhead(RequestContext expected) {
        CompletableFuture<Lookup> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(lookup(expected));
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        }, "iamscope-stored-graph");
        t.setDaemon(true);
        t.start();
        ahead = f;
        return this;
    }

    @Override
    public AccessGraph build(AccessChecker checker, TargetFacts facts, Catalog catalog, BuildProgress progress) {
        RequestContext context = checker.base();
        CompletableFuture<Lookup> f = ahead;
        ahead = null;
        Lookup found = null;
        if (f != null) {
            Lookup early;
            try {
                early = f.join();
            } catch (java.util.concurrent.CompletionException e) {
                early = null; // looked up again below, and whatever went wrong then is met here
            }
            // The key of the context read ahead: the graph is for another context when the keys differ.
            if (early != null && (early.key() == null || early.key().equals(key(context)))) {
                found = early;
            }
        }
        if (found == null) {
            found = lookup(context);
        }
        found.warnings().forEach(warnings);
        if (found.graph().isPresent()) {
            notes.accept("access graph read from the store (`" + store.entry(found.key())
                    + "`; --no-cache builds it anew)");
            return found.graph().get();
        }
        AccessGraph built = builder.build(checker, facts, catalog, progress);
        if (found.key() != null && built instanceof JGraphTAccessGraph g) {
            store.save(found.key(), g, warnings);
        }
        return built;
    }

    private Lookup lookup(RequestContext context) {
        List<String> told = new ArrayList<>();
        StoreKey key;
        try {
            key = key(context);
        } catch (UncheckedIOException e) {
            told.add("graph not stored: cannot read an input again: " + e.getCause().getMessage());
            return new Lookup(null, Optional.empty(), told);
        }
        return new Lookup(key, store.load(key, told::add), told);
    }

    private synchronized StoreKey key(RequestContext context) {
        if (inputsKey == null) {
            inputsKey = inputs.get();
        }
        return inputsKey.with("attacker context", describe(context));
    }

    /**
     * Everything of a context that may change a graph: each key's name as written (condition descriptions quote
     * it) with its values in order, and each unknown key, said when it is known to be present. Keys in name order:
     * a context keeps its unknown keys in a set whose order differs from one run to the next.
     */
    static String describe(RequestContext context) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(context.entries()).forEach((k, values) -> {
            sb.append("key ").append(k.length()).append(':').append(k);
            values.forEach(v -> sb.append(" value ").append(v.length()).append(':').append(v));
            sb.append('\n');
        });
        for (String k : new TreeSet<>(context.unknownKeys())) {
            sb.append(context.isPresentUnknown(k) ? "present unknown " : "unknown ").append(k.length()).append(':')
                    .append(k).append('\n');
        }
        return sb.toString();
    }
}
