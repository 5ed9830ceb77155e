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
