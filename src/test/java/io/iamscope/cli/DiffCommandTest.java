package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iamscope diff OLD NEW}: exit codes, formats, and a bad input. */
class DiffCommandTest {
    private static final String BEFORE = "policies-fixtures/sample-org/snapshot.json";
    private static final String INCIDENT = "policies-fixtures/diff/sample-org-incident.json";

    private static CliRun run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "diff";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.of(all);
    }

    @Test
    void identicalSnapshotsAreNoChangeAndExitZero() {
        CliRun r = run(BEFORE, BEFORE, "--fail-on", "low");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("NO CHANGE"), r.out());
    }

    @Test
    void failOnComparesWhatTheChangeIntroduces() {
        CliRun high = run(BEFORE, INCIDENT, "--fail-on", "high");
        assertEquals(ExitCodes.FINDINGS, high.exit(), high.err());
        assertEquals(ExitCodes.OK, run(BEFORE, INCIDENT, "--fail-on", "critical").exit());
        assertEquals(ExitCodes.OK, run(BEFORE, INCIDENT).exit(), "no --fail-on: 0");
        assertEquals(ExitCodes.OK, run(INCIDENT, BEFORE, "--fail-on", "high").exit(),
                "undoing the incident introduces nothing");
    }

    @Test
    void jsonToAFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("diff.json");
        CliRun r = run(BEFORE, INCIDENT, "--format", "json", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        var root = new ObjectMapper().readTree(Files.readString(out));
        assertEquals("iamscope.diff/1", root.get("schema").asText());
        assertFalse(root.get("empty").asBoolean());
    }

    /** --out goes through the atomic writer every report command uses: a path that cannot be written is named. */
    @Test
    void anUnwritableOutIsAnInputError(@TempDir Path dir) {
        Path out = dir.resolve("no-such-dir").resolve("diff.json");
        CliRun r = run(BEFORE, BEFORE, "--out", out.toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.exit(), r.err());
        assertTrue(r.err().contains("no-such-dir"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aMalformedSnapshotIsAnInputErrorWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"iamscope-snapshot\", \"accounts\": [");
        CliRun r = run(BEFORE, bad.toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.exit(), r.err());
        assertTrue(r.err().contains("bad.json"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
