package io.iamscope.analysis.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.Workspaces;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.model.CredentialReport;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.CredentialReportReader;
import io.iamscope.model.io.SnapshotReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each family of findings on its fixtures (src/test/resources/review/, written by generate.py there; cases.json
 * says for each snapshot which finding must or must not be reported, why, and the AWS page behind the rule).
 */
class ReviewFixturesTest {
    static final Path DIR = Path.of("src/test/resources/review");
    private static final Map<String, Review> REVIEWS = new ConcurrentHashMap<>();

    /** The review of a snapshot as the command makes it with its defaults, cached per snapshot and reports. */
    static Review review(Path snapshot, List<Path> reports) {
        return REVIEWS.computeIfAbsent(snapshot + " " + reports, k -> {
            SnapshotIndex index = new SnapshotIndex(SnapshotReader.read(snapshot).snapshot());
            List<CredentialReport> read = reports.stream().map(CredentialReportReader::read).toList();
            ReviewOptions options = ReviewOptions.defaults(Instant.parse(index.snapshot().collectedAt()))
                    .withCredentialReports(read);
            return new ReviewAnalysis(Workspaces.of(index)).run(AttackerProfile.DEFAULT.name(),
                    AttackerProfile.DEFAULT.context(Map.of(), List.of()), options, List.of());
        });
    }

    @TestFactory
    Stream<DynamicTest> everyFamilyOnItsFixtures() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : new ObjectMapper().readTree(DIR.resolve("cases.json").toFile())) {
            String name = c.get("snapshot").asText() + ": " + c.get("code").asText() + " "
                    + (c.get("reported").asBoolean() ? "" : "not ") + "on " + c.get("subject").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> check(c)));
        }
        return tests.stream();
    }

    private static void check(JsonNode c) {
        List<Path> reports = new ArrayList<>();
        if (c.has("credentialReports")) {
            c.get("credentialReports").forEach(r -> reports.add(DIR.resolve(r.asText())));
        }
        Review r = review(DIR.resolve(c.get("snapshot").asText()), reports);
        String code = c.get("code").asText();
        String subject = c.get("subject").asText();
        List<Finding> found = r.findings().stream().filter(f -> f.code().name().equals(code)
                && f.subject().equals(subject)).toList();
        String all = r.findings().stream().map(Finding::id).collect(Collectors.joining("\n  "));
        if (!c.get("reported").asBoolean()) {
            assertEquals(List.of(), found, "false positive (" + c.get("why").asText() + "); findings:\n  " + all);
            return;
        }
        assertFalse(found.isEmpty(), "false negative: " + code + " on " + subject + " (" + c.get("why").asText()
                + "); findings:\n  " + all);
        Finding f = found.get(0);
        if (c.has("key")) {
            assertEquals(c.get("key").asText(), f.key());
        }
        if (c.has("conditional")) {
            assertEquals(c.get("conditional").asBoolean(), f.conditional(), f.title());
        }
        assertFalse(f.title().isBlank());
        assertFalse(f.fix().isBlank());
        assertTrue(c.get("doc").asText().startsWith("https://docs.aws.amazon.com/"));
    }
}
