package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text from a tampered snapshot never reaches the terminal raw (issue #22, item 11). */
class TerminalSafetyTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void escapeSequencesInASnapshotArePrintedAsEscapes() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/gaps/unreadable-bucket-policy.json"))
                .replace("\"Sid\": \"ReadData\"", "\"Sid\": \"Read\\u001b]0;pwned\\u0007\\u001b[2J\\r\\u202eData\"");
        Path snapshot = dir.resolve("tampered.json");
        Files.writeString(snapshot, text);
        CliRun r = run("who-can", "s3:GetObject", "arn:aws:s3:::open/k", "--snapshot", snapshot.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Read\\x1b]0;pwned\\x07\\x1b[2J\\x0d\\u202eData"), r.out());
        assertFalse(r.out().chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == '\r' || c == 0x202e), r.out());
    }

    @Test
    void jsonOutputStaysValidJson() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/gaps/unreadable-bucket-policy.json"))
                .replace("\"Sid\": \"ReadData\"", "\"Sid\": \"Read\\u001bData\"");
        Path snapshot = dir.resolve("tampered.json");
        Files.writeString(snapshot, text);
        CliRun r = run("who-can", "s3:GetObject", "arn:aws:s3:::open/k", "--snapshot", snapshot.toString(), "--format",
                "json");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertTrue(r.out().contains("Read\\u001BData"), r.out());
        assertTrue(tree.at("/direct/1/statement").asText().contains("Read\u001bData"), r.out());
    }
}
