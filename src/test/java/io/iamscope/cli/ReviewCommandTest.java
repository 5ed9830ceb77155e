package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.analysis.findings.Suppression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iamscope review}: exit codes for {@code --fail-on} (suppressed findings do not count), the suppression
 * file (YAML or JSON, errors as input errors), {@code --out}, and the credential inputs' warnings.
 */
class ReviewCommandTest {
    private static final String DIR = "policies-fixtures/sample-org/";

    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("review", "--snapshot", DIR + "snapshot.json"));
        all.addAll(List.of(args));
        return CliRun.of(all);
    }

    private static String[] withReports(String... more) {
        List<String> all = new ArrayList<>();
        for (String account : List.of("111111111111", "222222222222", "333333333333")) {
            all.add("--credential-report");
            all.add(DIR + "credential-report-" + account + ".csv");
        }
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The sample's most urgent findings: the root users' (critical, from the reports), the escalations (high). */
    @Test
    void failOnComparesTheMostUrgentFindingThatRemains() {
        assertEquals(ExitCodes.OK, run().exit(), "no --fail-on: 0 whatever is found");
        assertEquals(ExitCodes.FINDINGS, run("--fail-on", "high").exit());
        assertEquals(ExitCodes.OK, run("--fail-on", "critical").exit(), "no critical without the reports");
        CliRun r = run(withReports("--fail-on", "critical"));
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        assertTrue(r.out().contains("CRITICAL ROOT_ACCESS_KEY"), r.out());
    }

    @Test
    void suppressedFindingsDoNotFail(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("s.json"), "[{\"code\": \"ROOT_*\", \"arn\": \"arn:aws:iam::*:root\","
                + " \"reason\": \"tracked in SEC-12\"}]");
        CliRun r = run(withReports("--fail-on", "critical", "--suppress", file.toString()));
        assertEquals(ExitCodes.OK, r.exit(), r.out());
        assertTrue(r.out().contains("ROOT_NO_MFA arn:aws:iam::222222222222:root: tracked in SEC-12 (s.json entry 1)"),
                r.out());
    }

    @Test
    void theSampleSuppressionFileReads() {
        List<Suppression> read = SuppressionFile.read(Path.of(DIR + "suppressions.yaml"));
        assertEquals(2, read.size());
        assertEquals(new Suppression("PRINCIPAL_UNUSED", "arn:aws:iam::*:role/*break-glass*",
                "break-glass roles are used only in an emergency; their use is alarmed", LocalDate.parse("2027-06-30"),
                "suppressions.yaml entry 1"), read.get(0));
        assertEquals(null, read.get(1).expires());
    }

    @Test
    void aBadSuppressionFileIsAnInputError(@TempDir Path tmp) throws IOException {
        Path unknown = Files.writeString(tmp.resolve("s.yaml"), "- code: NO_SUCH_CODE\n  arn: '*'\n  reason: x\n");
        CliRun r = run("--suppress", unknown.toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.exit());
        assertTrue(r.err().contains("SUPPRESSIONS_INVALID: " + unknown + ": entry 1: `NO_SUCH_CODE` is not a finding"
                + " code"), r.err());
        Path noReason = Files.writeString(tmp.resolve("t.yaml"), "suppressions:\n  - code: TRUST_ANYONE\n    arn: '*'\n");
        assertTrue(run("--suppress", noReason.toString()).err().contains("`code`, `arn` and `reason` are required"));
        Path badDate = Files.writeString(tmp.resolve("u.yaml"), "- {code: TRUST_ANYONE, arn: '*', reason: r,"
                + " expires: soon}\n");
        assertTrue(run("--suppress", badDate.toString()).err().contains("`expires` must be a date YYYY-MM-DD"));
    }

    @Test
    void unmatchedSuppressionsAreWarnings(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("s.yaml"), "- code: TRUST_ANYONE\n  arn: 'arn:aws:iam::*:role/x'\n"
                + "  reason: vendor\n");
        CliRun r = run("--suppress", file.toString());
        assertEquals(ExitCodes.OK, r.exit());
        assertTrue(r.err().contains("iamscope: warning: suppression s.yaml entry 1 (`TRUST_ANYONE` on"
                + " `arn:aws:iam::*:role/x`) matches no finding"), r.err());
    }

    @Test
    void sarifToAFileWithTheStatementsLines(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("review.sarif");
        CliRun r = run("--format", "sarif", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals("", r.out());
        JsonNode sarif = new ObjectMapper().readTree(out.toFile());
        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode results = sarif.at("/runs/0/results");
        boolean located = false;
        for (JsonNode result : results) {
            located |= result.at("/locations/0/physicalLocation/region/startLine").asInt() > 1;
        }
        assertTrue(located, "results with a statement point at its line in the snapshot");
    }

    @Test
    void keysOfUnknownUsersAreWarnings() {
        CliRun r = run("--access-keys", "src/test/resources/credentials/list-access-keys.json", "--format", "json");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().contains("iamscope: warning: access key `AKIANOSUCHUSER000001` of user `no-such-user`: no"
                + " user of that name in the snapshot: left out"), r.err());
    }

    @Test
    void htmlIsOnePage() {
        CliRun r = run("--format", "html");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("<!DOCTYPE html>"), r.out());
        assertTrue(r.out().contains("id=\"findings\""), r.out());
        assertTrue(r.out().stripTrailing().endsWith("</html>"), r.out());
    }
}
