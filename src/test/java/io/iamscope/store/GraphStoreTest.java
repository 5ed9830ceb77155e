package io.iamscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Gatherer;
import io.iamscope.access.TargetFacts;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.graph.BuildProgress;
import io.iamscope.graph.GraphBuilder;
import io.iamscope.graph.JGraphTAccessGraph;
import io.iamscope.graph.rules.BuiltInTechniques;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store gives back the graph it was given, and nothing else: an entry cut short, altered, stored by another
 * iamscope or under another key is refused with one warning and removed; writing never fails a command; the
 * least recently used entries go when the store is over its limit.
 */
class GraphStoreTest {
    private static final Path SAMPLE = Path.of("policies-fixtures/sample-org/snapshot.json");
    private static JGraphTAccessGraph graph;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        SnapshotIndex index = new SnapshotIndex(SnapshotReader.read(SAMPLE).snapshot());
        graph = GraphBuilder.build(new AccessChecker(new Gatherer(index), new LocalAuthorizer(),
                RequestContext.builder().unknown("aws:SourceIp").build()), new TargetFacts(index), Catalog.bundled(),
                BuiltInTechniques.ALL, BuildProgress.NONE);
    }

    private static StoreKey key(String name) {
        return StoreKey.builder().text("test", name).build();
    }

    @Test
    void givesBackTheGraphStoredOwnerOnly() throws IOException {
        GraphStore store = new GraphStore(dir.resolve("store"), 1L << 30);
        List<String> warnings = new ArrayList<>();
        assertTrue(store.load(key("a"), warnings::add).isEmpty());
        store.save(key("a"), graph, warnings::add);
        Optional<JGraphTAccessGraph> back = store.load(key("a"), warnings::add);
        assertEquals(List.of(), warnings);
        assertEquals(new ArrayList<>(graph.graph().edgeSet()), new ArrayList<>(back.orElseThrow().graph().edgeSet()));
        assertEquals(graph.admins(), back.get().admins());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.entry(key("a")))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.dir())));
        assertTrue(store.load(key("b"), warnings::add).isEmpty(), "another key, another entry");
    }

    @Test
    void aCorruptEntryIsRefusedWithOneWarningAndRemoved() throws IOException {
        byte[] entry = GraphStore.encode(key("a"), graph);
        entry[entry.length / 2] ^= 1;
        assertRefused(entry, "checksum mismatch");
    }

    @Test
    void aTruncatedEntryIsRefused() throws IOException {
        byte[] entry = GraphStore.encode(key("a"), graph);
        assertRefused(java.util.Arrays.copyOf(entry, entry.length - 7), "truncated");
        assertRefused(java.util.Arrays.copyOf(entry, 20), "truncated");
        assertRefused(new byte[0], "truncated");
    }

    @Test
    void anEntryOfAnotherIamscopeIsRefused() throws IOException {
        assertRefused(GraphStore.encode(key("a"), graph, "0.0.1 built yesterday"), "stored by iamscope 0.0.1");
    }

    @Test
    void anEntryOfAnotherKeyIsRefused() throws IOException {
        assertRefused(GraphStore.encode(key("b"), graph), "another key");
    }

    @Test
    void aFileThatIsNoEntryIsRefused() throws IOException {
        assertRefused("{\"not\": \"a graph\"}".getBytes(), "not a stored graph");
    }

    private void assertRefused(byte[] entry, String why) throws IOException {
        GraphStore store = new GraphStore(dir, 1L << 30);
        Files.write(store.entry(key("a")), entry);
        List<String> warnings = new ArrayList<>();
        assertTrue(store.load(key("a"), warnings::add).isEmpty());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(why) && warnings.get(0).contains("building it again"), warnings.get(0));
        assertFalse(Files.exists(store.entry(key("a"))), "removed");
    }

    @Test
    void aStoreThatCannotBeWrittenIsAWarning() throws IOException {
        Path file = Files.writeString(dir.resolve("a file"), "not a folder");
        GraphStore store = new GraphStore(file, 1L << 30);
        List<String> warnings = new ArrayList<>();
        store.save(key("a"), graph, warnings::add);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("cannot store the graph in"), warnings.get(0));
        assertTrue(store.load(key("a"), warnings::add).isEmpty());
    }

    @Test
    void theLeastRecentlyUsedGoFirstOverTheLimit() throws IOException {
        long size = GraphStore.encode(key("a"), graph).length;
        GraphStore store = new GraphStore(dir, size * 3 - 1);
        List<String> warnings = new ArrayList<>();
        store.save(key("a"), graph, warnings::add);
        store.save(key("b"), graph, warnings::add);
        Files.setLastModifiedTime(store.entry(key("a")), FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(store.entry(key("b")), FileTime.fromMillis(2_000_000));
        // Reading "a" makes it the most recently used: "b" goes when "c" comes.
        assertTrue(store.load(key("a"), warnings::add).isPresent());
        store.save(key("c"), graph, warnings::add);
        assertEquals(List.of(), warnings);
        assertTrue(Files.exists(store.entry(key("a"))));
        assertFalse(Files.exists(store.entry(key("b"))));
        assertTrue(Files.exists(store.entry(key("c"))));
    }

    @Test
    void aGraphOverTheWholeLimitIsNotStored() {
        GraphStore store = new GraphStore(dir, 100);
        List<String> warnings = new ArrayList<>();
        store.save(key("a"), graph, warnings::add);
        assertFalse(Files.exists(store.entry(key("a"))));
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void theKeyIsTheContentAndNameOfEveryFile() throws IOException {
        Path a = Files.writeString(dir.resolve("a.json"), "{}");
        Path b = Files.writeString(dir.resolve("b.json"), "{}");
        Path org = Files.createDirectories(dir.resolve("org"));
        Files.writeString(org.resolve("roots.json"), "[]");
        StoreKey first = StoreKey.builder().file("snapshot", a).file("organization", org).build();
        assertEquals(first, StoreKey.builder().file("snapshot", a).file("organization", org).build());
        assertNotEquals(first, StoreKey.builder().file("snapshot", b).file("organization", org).build(),
                "reports quote the file's name");
        assertNotEquals(first, StoreKey.builder().file("resources", a).file("organization", org).build());
        Files.writeString(a, "{ }");
        assertNotEquals(first, StoreKey.builder().file("snapshot", a).file("organization", org).build());
        Files.writeString(a, "{}");
        Files.writeString(org.resolve("policies.json"), "[]");
        assertNotEquals(first, StoreKey.builder().file("snapshot", a).file("organization", org).build());
        assertNotEquals(first.with("attacker context", "x"), first.with("attacker context", "y"));
        assertEquals(64, first.hex().length());
    }
}
