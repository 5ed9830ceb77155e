package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that write files go through the one atomic writer (issue #22, item 13). */
class WritingCommandsTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void collectRefusesAnUnwritableOutBeforeCallingAws() {
        // The endpoint cannot be reached: had collect called it first, the exit would be 3.
        CliRun r = run("collect", "--out", dir.resolve("missing/s.json").toString(), "--endpoint-url",
                "http://127.0.0.1:9", "--regions", "us-east-1");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("FILE_UNWRITABLE"), r.err());
    }

    @Test
    void generateReplacesALinkInsteadOfWritingThroughIt() throws IOException {
        Path precious = dir.resolve("precious");
        Files.writeString(precious, "keep");
        Path link = Files.createSymbolicLink(dir.resolve("g.json"), precious);
        CliRun r = run("generate", "--users", "2", "--roles", "1", "--policies", "1", "--out", link.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("keep", Files.readString(precious));
        assertTrue(Files.readString(link).startsWith("{"));
    }

    @Test
    void generateAccountsWritesAnOrganizationWithPerAccountSizes() throws IOException {
        Path out = dir.resolve("org.json");
        CliRun r = run("generate", "--accounts", "3", "--roles", "5", "--users", "1", "--policies", "2", "--out",
                out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("3 member accounts"), r.err());
        var snapshot = io.iamscope.model.io.SnapshotReader.read(out).snapshot();
        assertEquals(5, snapshot.accounts().size());
        assertEquals(5, snapshot.account("200000000002").roles().size());
        assertEquals(5, snapshot.organization().accounts().size());
    }

    @Test
    void generateRefusesAnOrganizationWithoutRoomForItsFixedRoles() {
        CliRun r = run("generate", "--accounts", "3", "--roles", "2", "--out", dir.resolve("o.json").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("`--roles`"), r.err());
        assertTrue(Files.notExists(dir.resolve("o.json")));
    }
}
