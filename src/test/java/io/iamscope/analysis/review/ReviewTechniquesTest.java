package io.iamscope.analysis.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.analysis.findings.Affected;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.analysis.findings.PathStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A review of every technique's positive fixture (src/test/resources/techniques/ID/positive.json) finds its
 * escalation: a path to administrator, or a takeover of another principal, with a step of that technique to
 * the fixture's target from a principal the finding names.
 */
class ReviewTechniquesTest {
    private static final Path ROOT = Path.of("src/test/resources/techniques");

    @TestFactory
    Stream<DynamicTest> everyTechniqueFixtureFindsItsEscalation() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(ROOT)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path dir : dirs) {
            for (JsonNode c : new ObjectMapper().readTree(dir.resolve("cases.json").toFile())) {
                if (c.get("reported").asBoolean() && c.get("snapshot").asText().equals("positive.json")) {
                    String id = dir.getFileName().toString();
                    tests.add(DynamicTest.dynamicTest(id, () -> check(id, dir.resolve("positive.json"),
                            c.get("from").asText(), c.get("to").asText())));
                }
            }
        }
        return tests.stream();
    }

    private static void check(String technique, Path snapshot, String from, String to) {
        Review r = ReviewFixturesTest.review(snapshot, List.of());
        boolean found = false;
        for (Finding f : r.findings()) {
            if (f.code() != FindingCode.PRIVILEGE_ESCALATION && f.code() != FindingCode.PRINCIPAL_TAKEOVER) {
                continue;
            }
            for (Affected a : f.affected()) {
                for (PathStep s : a.path()) {
                    found |= s.technique().equals(technique) && s.to().equals(to) && s.from().equals(from);
                    // The shortest path shows one technique; others opening the same step are named in the facts.
                    found |= s.to().equals(to) && s.from().equals(from) && f.facts().stream()
                            .anyMatch(x -> x.startsWith("the same step is open by other techniques")
                                    && x.contains(technique));
                }
            }
        }
        String all = r.findings().stream().map(f -> f.id() + ": " + f.title()).collect(Collectors.joining("\n  "));
        assertTrue(found, technique + " from " + from + " to " + to + " not in the review:\n  " + all);
    }
}
