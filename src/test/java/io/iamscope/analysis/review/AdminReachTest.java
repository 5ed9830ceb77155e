package io.iamscope.analysis.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.Workspaces;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.AdminPaths;
import io.iamscope.graph.PathLimits;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jgrapht.GraphPath;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The review's one-pass admin routes agree with {@link AdminPaths#shortest}, the search blast radius and paths
 * use, on every node of the sample organization and of every technique's positive fixture: the same nodes reach an
 * administrator, by paths of the same length, definite where it finds a definite one.
 */
class AdminReachTest {
    @TestFactory
    Stream<DynamicTest> agreesWithTheSearchPerNode() throws IOException {
        List<Path> snapshots = new ArrayList<>();
        snapshots.add(Path.of("policies-fixtures/sample-org/snapshot.json"));
        try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/techniques"))) {
            dirs.filter(Files::isDirectory).sorted().forEach(d -> snapshots.add(d.resolve("positive.json")));
        }
        return snapshots.stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> check(s)));
    }

    private static void check(Path snapshot) {
        SnapshotIndex index = new SnapshotIndex(SnapshotReader.read(snapshot).snapshot());
        AccessGraph graph = Workspaces.of(index).graph(AttackerProfile.DEFAULT.context(Map.of(), List.of()));
        AdminReach reach = AdminReach.of(graph, PathLimits.DEFAULT);
        for (PrincipalNode n : graph.graph().vertexSet()) {
            Optional<GraphPath<PrincipalNode, AccessEdge>> expected = AdminPaths.shortest(graph, n, PathLimits.DEFAULT);
            if (reach.isAdmin(n)) {
                assertTrue(expected.isPresent() && expected.get().getLength() == 0, n.arn());
                continue;
            }
            if (expected.isEmpty() && reach.reaches(n)) {
                // AdminPaths keeps one path per node, so a step that yields admin beside a plain assume edge to the
                // same role is not seen (a gap of the search: docs/review.md); the review's route must be that step.
                List<AccessEdge> path = reach.path(n);
                AccessEdge last = path.get(path.size() - 1);
                assertTrue(last.yieldsAdmin() && graph.graph().getAllEdges(last.from(), last.to()).stream()
                        .anyMatch(e -> !e.yieldsAdmin()), n.arn() + ": " + path);
                continue;
            }
            assertEquals(expected.isPresent(), reach.reaches(n), n.arn());
            if (expected.isPresent()) {
                List<AccessEdge> path = reach.path(n);
                assertEquals(expected.get().getLength(), path.size(), n.arn() + ": " + path);
                assertEquals(n, path.get(0).from());
                boolean definite = expected.get().getEdgeList().stream().noneMatch(AccessEdge::conditional);
                assertEquals(definite, path.stream().noneMatch(AccessEdge::conditional), n.arn());
            }
        }
    }
}
