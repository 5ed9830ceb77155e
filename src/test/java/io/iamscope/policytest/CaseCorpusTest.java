package io.iamscope.policytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.local.LocalAuthorizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The AWS-semantics corpus: every case under {@code src/test/resources/cases} (and the bundled sample suite
 * in {@code policies-fixtures/cases}) run as a JUnit dynamic test, in the same format {@code iamscope test}
 * reads. Each case cites the AWS documentation page it follows.
 */
class CaseCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/cases");
    private static final Path SAMPLE = Path.of("policies-fixtures/cases");

    private final CaseRunner runner = new CaseRunner(new LocalAuthorizer());

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        return cases(CORPUS).stream().map(raw -> DynamicTest.dynamicTest(
                raw.json().path("id").asText(raw.origin()), () -> check(raw)));
    }

    @TestFactory
    Stream<DynamicTest> bundledSample() throws IOException {
        return cases(SAMPLE).stream().map(raw -> DynamicTest.dynamicTest(
                raw.json().path("id").asText(raw.origin()), () -> check(raw)));
    }

    @Test
    void everyCaseCitesItsSourceAndIdsAreUnique() throws IOException {
        Set<String> ids = new HashSet<>();
        List<CaseFileReader.RawCase> all = new ArrayList<>(cases(CORPUS));
        all.addAll(cases(SAMPLE));
        for (CaseFileReader.RawCase raw : all) {
            String id = raw.json().path("id").asText("");
            assertFalse(id.isEmpty(), raw.origin() + " has no id");
            assertTrue(ids.add(id), "duplicate case id " + id + " at " + raw.origin());
            assertTrue(raw.json().path("source").asText("").startsWith("https://"),
                    raw.origin() + " must cite the AWS page it follows in `source`");
        }
    }

    private void check(CaseFileReader.RawCase raw) {
        CaseResult r = runner.run(raw);
        assertEquals(CaseResult.Status.PASSED, r.status(), r.origin() + ": " + r.message());
    }

    static List<CaseFileReader.RawCase> cases(Path dir) throws IOException {
        List<CaseFileReader.RawCase> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                out.addAll(CaseFileReader.read(f));
            }
        }
        return out;
    }
}
