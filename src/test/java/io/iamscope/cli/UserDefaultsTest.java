package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Defaults a user need not retype: {@code IAMSCOPE_SNAPSHOT} and {@code ~/.config/iamscope/defaults}. */
class UserDefaultsTest {
    private static final String SNAPSHOT = Path.of("policies-fixtures/sample-org/snapshot.json").toAbsolutePath().toString();
    private static final String KEY = "AKIAZCONTRACTOR7LEAK";

    @TempDir
    Path home;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(UserDefaults defaults, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(defaults);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    private Path defaultsFile(Path config, String text) throws IOException {
        Path file = Files.createDirectories(config.resolve("iamscope")).resolve("defaults");
        Files.writeString(file, text);
        return file;
    }

    private static UserDefaults none(Path home) {
        return UserDefaults.of(Map.of(), home);
    }

    @Test
    void withoutDefaultsTheSnapshotIsStillRequired() {
        Run r = run(none(home), "blast-radius", KEY);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--snapshot"), r.err());
    }

    @Test
    void theEnvironmentVariableGivesTheSnapshot() {
        Run r = run(UserDefaults.of(Map.of("IAMSCOPE_SNAPSHOT", SNAPSHOT), home), "blast-radius", KEY, "--detail", "summary");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith("read " + SNAPSHOT + ": iamscope snapshot v1"), r.err());
        assertTrue(r.out().contains("ADMIN: YES"), r.out());
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        Run r = run(UserDefaults.of(Map.of("IAMSCOPE_SNAPSHOT", home.resolve("missing.json").toString()), home),
                "blast-radius", KEY, "--detail", "summary", "--snapshot", SNAPSHOT);
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void theDefaultsFileUnderHomeGivesOptionsForEveryCommandOrOne() throws IOException {
        defaultsFile(home.resolve(".config"), "snapshot=" + SNAPSHOT + "\niamscope.blast-radius.detail=summary\n");
        Run fromFile = run(none(home), "blast-radius", KEY);
        assertEquals(0, fromFile.exit(), fromFile.err());
        Run summary = run(none(Path.of("/nonexistent")), "blast-radius", KEY, "--snapshot", SNAPSHOT, "--detail", "summary");
        assertEquals(summary.out(), fromFile.out());
        Run standard = run(none(Path.of("/nonexistent")), "blast-radius", KEY, "--snapshot", SNAPSHOT);
        assertNotEquals(standard.out(), fromFile.out(), "--detail summary from the file was not applied");
        // Another command takes the file's snapshot but not blast-radius's detail.
        Run paths = run(none(home), "paths", "ext-contractor-jdoe", "--to", "admin");
        assertEquals(0, paths.exit(), paths.err());
    }

    @Test
    void xdgConfigHomeMovesTheFileAndTheEnvironmentWinsOverIt() throws IOException {
        Path xdg = Files.createDirectories(home.resolve("xdg"));
        defaultsFile(xdg, "snapshot=" + home.resolve("missing.json") + "\n");
        assertEquals(xdg.resolve("iamscope/defaults"), UserDefaults.file(Map.of("XDG_CONFIG_HOME", xdg.toString()), home));
        Run fileOnly = run(UserDefaults.of(Map.of("XDG_CONFIG_HOME", xdg.toString()), home), "blast-radius", KEY);
        assertEquals(2, fileOnly.exit(), fileOnly.err());
        assertTrue(fileOnly.err().contains("missing.json"), fileOnly.err());
        Run both = run(UserDefaults.of(Map.of("XDG_CONFIG_HOME", xdg.toString(), "IAMSCOPE_SNAPSHOT", SNAPSHOT), home),
                "blast-radius", KEY, "--detail", "summary");
        assertEquals(0, both.exit(), both.err());
    }

    @Test
    void aRelativeXdgConfigHomeIsIgnored() {
        assertEquals(home.resolve(".config/iamscope/defaults"), UserDefaults.file(Map.of("XDG_CONFIG_HOME", "rel"), home));
    }
}
