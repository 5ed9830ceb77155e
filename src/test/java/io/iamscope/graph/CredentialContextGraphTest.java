package io.iamscope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.eval.reference.ReferenceAuthorizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The graph of each credential-context fixture (src/test/resources/graph/credential-context/, each case citing
 * its AWS source), on the local engine and on the reference evaluator: whether the attacker's stolen user keys
 * reach admin, a role session on the way carrying the keys of temporary credentials.
 */
class CredentialContextGraphTest {
    private static final Path DIR = Path.of("src/test/resources/graph/credential-context");

    @TestFactory
    Stream<DynamicTest> adminAsTheFixtureSaysOnBothEngines() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : new ObjectMapper().readTree(DIR.resolve("cases.json").toFile())) {
            Path snapshot = DIR.resolve(c.get("snapshot").asText());
            String from = c.get("from").asText();
            boolean admin = c.get("admin").asBoolean();
            String why = snapshot.getFileName() + ": " + c.get("why").asText();
            tests.add(DynamicTest.dynamicTest(snapshot.getFileName().toString(), () -> {
                assertEquals(admin, reachesAdmin(GraphFixtures.build(snapshot), from), "local engine, " + why);
                assertEquals(admin, reachesAdmin(GraphFixtures.build(snapshot, new ReferenceAuthorizer()), from),
                        "reference evaluator, " + why);
            }));
        }
        return tests.stream();
    }

    private static boolean reachesAdmin(JGraphTAccessGraph graph, String from) {
        return AdminPaths.shortest(graph, graph.node(from).orElseThrow(), PathLimits.DEFAULT)
                .filter(p -> p.getEdgeList().stream().noneMatch(AccessEdge::conditional)).isPresent();
    }
}
