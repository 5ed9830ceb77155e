package io.iamscope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.eval.Constraint;
import io.iamscope.report.GraphExport;
import io.iamscope.report.PathsTextRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A graph written by {@link GraphWriter} and read back by {@link GraphReader} is the graph that was built: the same
 * nodes and edges in the same order, each edge's evidence (statement, policy, Sid, source location, conditions)
 * equal, the same administrators; and so the same reports, byte for byte. On every technique fixture (whose
 * attacker leaves {@code aws:SourceIp} unknown, so conditional edges with their conditions are there too) and the
 * sample organization.
 */
class GraphStorageTest {
    private static final Path TECHNIQUES = Path.of("src/test/resources/techniques");
    private static final Path SAMPLE = Path.of("policies-fixtures/sample-org/snapshot.json");

    @TestFactory
    Stream<DynamicTest> everyFixtureComesBackEqual() throws IOException {
        TreeSet<Path> snapshots = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(TECHNIQUES)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                for (JsonNode c : new ObjectMapper().readTree(dir.resolve("cases.json").toFile())) {
                    snapshots.add(dir.resolve(c.get("snapshot").asText()));
                }
            }
        }
        snapshots.add(SAMPLE);
        return snapshots.stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> {
            JGraphTAccessGraph built = GraphFixtures.build(s);
            assertSameGraph(built, roundTrip(built));
        }));
    }

    /** The fixtures hold what the format must carry: conditional edges, source locations, several evidence. */
    @Test
    void theSampleOrganizationHasWhatTheFormatMustCarry() throws IOException {
        JGraphTAccessGraph built = GraphFixtures.build(SAMPLE);
        List<AccessEdge> edges = new ArrayList<>(built.graph().edgeSet());
        assertTrue(edges.stream().anyMatch(AccessEdge::conditional), "a conditional edge");
        assertTrue(edges.stream().flatMap(e -> e.evidence().stream()).flatMap(e -> e.grantedBy().stream())
                .anyMatch(r -> r.location() != null && r.sid() != null), "a statement with its Sid and location");
        JGraphTAccessGraph read = roundTrip(built);
        List<AccessEdge> back = new ArrayList<>(read.graph().edgeSet());
        for (int i = 0; i < edges.size(); i++) {
            // The code tells definite edges by identity with the constant.
            assertEquals(edges.get(i).condition() == Constraint.TRUE, back.get(i).condition() == Constraint.TRUE);
        }
        read.node("*").ifPresent(n -> assertSame(PrincipalNode.ANYONE, n));
    }

    @Test
    void whatIsNotAWholeGraphIsRefused() throws IOException {
        byte[] bytes = write(GraphFixtures.build(SAMPLE));
        assertThrows(IOException.class, () -> GraphReader.read(bytes, 0, bytes.length - 1));
        assertThrows(IOException.class, () -> GraphReader.read(bytes, 0, bytes.length / 2));
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IOException.class, () -> GraphReader.read(longer, 0, longer.length));
        byte[] otherFormat = bytes.clone();
        otherFormat[3]++;
        IOException e = assertThrows(IOException.class, () -> GraphReader.read(otherFormat, 0, otherFormat.length));
        assertTrue(e.getMessage().contains("format"), e.getMessage());
        // Every byte changed in turn, in a stretch past the header: an exception or a graph, never anything else.
        for (int i = 4; i < Math.min(bytes.length, 600); i++) {
            byte[] damaged = bytes.clone();
            damaged[i] ^= (byte) 0x5A;
            try {
                GraphReader.read(damaged, 0, damaged.length);
            } catch (IOException expected) {
                // refused, as it should be unless the change still reads as a graph
            }
        }
    }

    static JGraphTAccessGraph roundTrip(JGraphTAccessGraph g) throws IOException {
        byte[] bytes = write(g);
        return GraphReader.read(bytes, 0, bytes.length);
    }

    private static byte[] write(JGraphTAccessGraph g) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GraphWriter.write(g, out);
        return out.toByteArray();
    }

    static void assertSameGraph(JGraphTAccessGraph built, JGraphTAccessGraph read) {
        assertEquals(new ArrayList<>(built.graph().vertexSet()), new ArrayList<>(read.graph().vertexSet()));
        assertEquals(new ArrayList<>(built.graph().edgeSet()), new ArrayList<>(read.graph().edgeSet()));
        for (PrincipalNode n : built.graph().vertexSet()) {
            // The order of each node's edges decides among paths of equal length.
            assertEquals(new ArrayList<>(built.graph().outgoingEdgesOf(n)), new ArrayList<>(read.graph().outgoingEdgesOf(n)));
            assertEquals(new ArrayList<>(built.graph().incomingEdgesOf(n)), new ArrayList<>(read.graph().incomingEdgesOf(n)));
            assertEquals(built.admin(n), read.admin(n));
            assertEquals(n, read.node(n.arn()).orElseThrow());
        }
        assertEquals(built.admins(), read.admins());
        assertEquals(built.buildStats(), read.buildStats());
        assertEquals(export(built), export(read));
        assertEquals(paths(built), paths(read));
    }

    private static String export(AccessGraph g) {
        StringWriter out = new StringWriter();
        GraphExport.write(g.graph(), GraphExport.Format.json, new PrintWriter(out));
        return out.toString();
    }

    /** Every node's paths report, as {@code iamscope paths} prints it. */
    private static String paths(AccessGraph g) {
        StringWriter out = new StringWriter();
        PrintWriter w = new PrintWriter(out);
        for (PrincipalNode n : g.graph().vertexSet()) {
            PathsTextRenderer.render(n, g.reachableFrom(n, PathLimits.DEFAULT), List.of(), w);
        }
        w.flush();
        return out.toString();
    }
}
