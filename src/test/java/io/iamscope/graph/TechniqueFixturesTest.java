package io.iamscope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.rules.BuiltInTechniques;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every technique against its fixtures (src/test/resources/techniques/ID/, written by generate.py there): the
 * positive snapshot must report the technique from the attacker to the expected target (else a false
 * negative); a near-miss must not report it from anyone (else a false positive). All techniques run on every
 * fixture, so a technique that fires on another's fixture is caught too when it is the one under test. And the
 * final verdict, not only the edge: whether the attacker can reach admin at all, and for a positive case that
 * reaches it, that the shortest path to admin is the technique's (an edge found but lost by the search is a
 * false negative too).
 */
class TechniqueFixturesTest {
    private static final Path ROOT = Path.of("src/test/resources/techniques");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyTechniqueOnItsFixtures() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Technique t : BuiltInTechniques.ALL) {
            String id = t.info().id();
            Path dir = ROOT.resolve(id);
            if (!Files.isDirectory(dir)) {
                tests.add(DynamicTest.dynamicTest(id + ": fixtures", () -> fail("no fixtures in `" + dir + "`")));
                continue;
            }
            for (JsonNode c : JSON.readTree(dir.resolve("cases.json").toFile())) {
                String snapshot = c.get("snapshot").asText();
                Boolean conditional = c.has("conditional") ? c.get("conditional").asBoolean() : null;
                tests.add(DynamicTest.dynamicTest(id + ": " + snapshot, () -> check(id, dir.resolve(snapshot),
                        c.get("from").asText(), c.get("to").asText(), c.get("reported").asBoolean(), conditional,
                        c.get("admin").asBoolean())));
            }
        }
        return tests.stream();
    }

    /**
     * @param conditional when not null, whether the reported edge must be conditional
     * @param admin       whether {@code from} can reach admin
     */
    private static void check(String id, Path snapshot, String from, String to, boolean reported,
                              Boolean conditional, boolean admin) {
        JGraphTAccessGraph graph = GraphFixtures.build(snapshot);
        List<AccessEdge> withId = graph.graph().edgeSet().stream().filter(e -> e.technique().equals(id)).toList();
        String all = graph.graph().edgeSet().stream().filter(e -> e.kind() == EdgeKind.ESCALATE)
                .map(e -> e.from().shortName() + " -" + e.technique() + "-> " + e.to().shortName())
                .sorted().collect(Collectors.joining(", "));
        if (reported) {
            assertTrue(withId.stream().anyMatch(e -> e.from().arn().equals(from) && e.to().arn().equals(to)),
                    "false negative: `" + id + "` from `" + from + "` to `" + to + "` not reported; edges: " + all);
            if (conditional != null) {
                assertTrue(withId.stream().anyMatch(e -> e.from().arn().equals(from) && e.to().arn().equals(to)
                        && e.conditional() == conditional), "`" + id + "` from `" + from + "` to `" + to
                        + "` should be " + (conditional ? "conditional" : "definite"));
            }
        } else {
            assertEquals(List.of(), withId, "false positive: `" + id + "` reported; edges: " + all);
        }
        PrincipalNode start = graph.node(from).orElseThrow();
        var toAdmin = AdminPaths.shortest(graph, start, PathLimits.DEFAULT);
        assertEquals(admin, toAdmin.isPresent(), "`" + from + "` can reach admin: expected " + admin + ", path "
                + toAdmin.map(p -> p.getEdgeList().stream().map(AccessEdge::technique).toList()).orElse(List.of())
                + "; edges: " + all);
        if (admin && reported) {
            List<AccessEdge> path = toAdmin.orElseThrow().getEdgeList();
            assertTrue(!path.isEmpty() && path.get(0).technique().equals(id), "the path to admin should start with `"
                    + id + "`: " + path.stream().map(AccessEdge::technique).toList());
        }
    }

    @Test
    void everyFixtureDirectoryIsATechnique() throws IOException {
        Set<String> ids = BuiltInTechniques.ALL.stream().map(t -> t.info().id()).collect(Collectors.toSet());
        Set<String> dirs = new TreeSet<>();
        try (Stream<Path> s = Files.list(ROOT)) {
            s.filter(Files::isDirectory).forEach(p -> dirs.add(p.getFileName().toString()));
        }
        dirs.removeAll(ids);
        assertEquals(Set.of(), dirs, "fixture directories without a technique");
    }

    @Test
    void idsAreUniqueAndRequiredActionsExist() {
        Set<String> seen = new TreeSet<>();
        for (Technique t : BuiltInTechniques.ALL) {
            assertTrue(seen.add(t.info().id()), "duplicate id " + t.info().id());
            for (String a : t.info().requiredActions()) {
                assertTrue(GraphFixtures.catalog().action(a).isPresent(), t.info().id() + ": unknown action " + a);
            }
        }
    }
}
