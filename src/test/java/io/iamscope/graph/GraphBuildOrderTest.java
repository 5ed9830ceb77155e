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
     * Side work (a blast radius's lists, on the core the last phase leaves idle) runs once, on its own thread,
     * and changes nothing in the graph.
     */
    @Test
    void sideWorkRunsOnceOnItsOwnThreadAndChangesNothing() throws InterruptedException {
        List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
        io.iamscope.model.SnapshotIndex index = new io.iamscope.model.SnapshotIndex(
                io.iamscope.model.io.SnapshotReader.read(SAMPLE).snapshot());
        JGraphTAccessGraph with = GraphBuilder.build(index, new io.iamscope.eval.local.LocalAuthorizer(),
                GraphFixtures.catalog(), GraphFixtures.ATTACKER, () -> {
                    threads.add(Thread.currentThread().getName());
                    ran.countDown();
                });
        assertEquals(true, ran.await(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(List.of("iamscope-side-work"), threads);
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
