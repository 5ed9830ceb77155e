package io.iamscope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The graph does not depend on which thread of the build found what first: the same edges in the same order
 * (exports list them in it, and equal-length paths are chosen by it), with the same evidence, and the same
 * administrators with the same "how". Several builds of the sample organization, each on all cores, must agree;
 * before the build ordered what its parallel phases found, two builds in a row rarely did.
 */
class GraphBuildOrderTest {
    private static final Path SAMPLE = Path.of("policies-fixtures/sample-org/snapshot.json");

    @Test
    void buildsAgreeEdgeForEdge() {
        JGraphTAccessGraph first = GraphFixtures.build(SAMPLE);
        for (int i = 0; i < 4; i++) {
            JGraphTAccessGraph again = GraphFixtures.build(SAMPLE);
            assertEquals(edges(first), edges(again));
            assertEquals(admins(first), admins(again));
        }
    }

    /**
     * The build tells each phase as it starts, in order, on the building thread (a caller puts the idle cores of
     * the last phase to use there), and being told changes nothing in the graph.
     */
    @Test
    void progressIsToldEachPhaseInOrderAndChangesNothing() {
        List<String> told = new ArrayList<>();
        String builder = Thread.currentThread().getName();
        io.iamscope.model.SnapshotIndex index = new io.iamscope.model.SnapshotIndex(
                io.iamscope.model.io.SnapshotReader.read(SAMPLE).snapshot());
        JGraphTAccessGraph with = GraphBuilder.build(new io.iamscope.access.AccessChecker(
                new io.iamscope.access.Gatherer(index), new io.iamscope.eval.local.LocalAuthorizer(),
                GraphFixtures.ATTACKER), new io.iamscope.access.TargetFacts(index), GraphFixtures.catalog(),
                io.iamscope.graph.rules.BuiltInTechniques.ALL,
                phase -> told.add(phase + " on " + (Thread.currentThread().getName().equals(builder) ? "builder" : "other")));
        assertEquals(java.util.Arrays.stream(BuildPhase.values()).map(p -> p + " on builder").toList(), told);
        JGraphTAccessGraph without = GraphFixtures.build(SAMPLE);
        assertEquals(edges(without), edges(with));
        assertEquals(admins(without), admins(with));
    }

    private static List<String> edges(JGraphTAccessGraph g) {
        List<String> out = new ArrayList<>();
        for (AccessEdge e : g.graph().edgeSet()) {
            out.add(e.from().arn() + " -> " + e.to().arn() + " " + e.kind() + " " + e.technique() + " if "
                    + e.condition() + " " + e.evidence());
        }
        return out;
    }

    private static Map<String, String> admins(JGraphTAccessGraph g) {
        Map<String, String> out = new LinkedHashMap<>();
        g.admins().forEach((n, s) -> out.put(n.arn(), s.how() + " if " + s.condition() + " " + s.evidence()));
        return out;
    }
}
