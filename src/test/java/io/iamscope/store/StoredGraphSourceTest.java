package io.iamscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Gatherer;
import io.iamscope.access.TargetFacts;
import io.iamscope.analysis.GraphSource;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.BuildProgress;
import io.iamscope.graph.GraphBuilder;
import io.iamscope.graph.rules.BuiltInTechniques;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store is asked for the graph of the attacker context the build is for, whatever context was read ahead;
 * a graph is built only when the store holds none for that context.
 */
class StoredGraphSourceTest {
    private static final SnapshotIndex INDEX = new SnapshotIndex(SnapshotReader.read(
            Path.of("policies-fixtures/sample-org/snapshot.json")).snapshot());
    private static final RequestContext STOLEN = RequestContext.builder().put("aws:ViaAWSService", "false")
            .unknown("aws:SourceIp").unknown("aws:CurrentTime").build();
    private static final RequestContext STOLEN_AGAIN = RequestContext.builder().unknown("aws:CurrentTime")
            .unknown("aws:SourceIp").put("aws:ViaAWSService", "false").build();
    private static final RequestContext INSIDER = RequestContext.builder().put("aws:ViaAWSService", "false")
            .put("aws:SourceIp", "10.0.0.1").build();

    @TempDir
    Path dir;

    private final AtomicInteger builds = new AtomicInteger();
    private final GraphSource builder = (checker, facts, catalog, progress) -> {
        builds.incrementAndGet();
        return GraphBuilder.build(checker, facts, catalog, BuiltInTechniques.ALL, progress);
    };
    private final List<String> notes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private AccessGraph graph(RequestContext readAhead, RequestContext built) {
        StoredGraphSource source = new StoredGraphSource(builder, new GraphStore(dir, 1L << 30),
                () -> StoreKey.builder().text("inputs", "sample").build(), notes::add, warnings::add);
        if (readAhead != null) {
            source.readAhead(readAhead);
        }
        return source.build(new AccessChecker(new Gatherer(INDEX), new LocalAuthorizer(), built),
                new TargetFacts(INDEX), Catalog.bundled(), BuildProgress.NONE);
    }

    @Test
    void builtOnceThenReadPerContext() {
        AccessGraph first = graph(STOLEN, STOLEN);
        assertEquals(1, builds.get());
        assertEquals(List.of(), notes);
        AccessGraph second = graph(STOLEN_AGAIN, STOLEN_AGAIN);
        assertEquals(1, builds.get(), "the same context, however its keys were given: read from the store");
        assertEquals(1, notes.size());
        assertEquals(new ArrayList<>(first.graph().edgeSet()), new ArrayList<>(second.graph().edgeSet()));
        graph(STOLEN, INSIDER);
        assertEquals(2, builds.get(), "read ahead for one context, asked for another: built for that one");
        graph(null, INSIDER);
        assertEquals(2, builds.get());
        assertEquals(List.of(), warnings);
    }

    @Test
    void inputsThatCannotBeReadAgainAreAWarningAndABuild() {
        StoredGraphSource source = new StoredGraphSource(builder, new GraphStore(dir, 1L << 30), () -> {
            throw new UncheckedIOException(new java.io.IOException("gone"));
        }, notes::add, warnings::add).readAhead(STOLEN);
        AccessGraph g = source.build(new AccessChecker(new Gatherer(INDEX), new LocalAuthorizer(), STOLEN),
                new TargetFacts(INDEX), Catalog.bundled(), BuildProgress.NONE);
        assertTrue(g.graph().edgeSet().size() > 0);
        assertEquals(1, builds.get());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("gone"), warnings.get(0));
    }
}
