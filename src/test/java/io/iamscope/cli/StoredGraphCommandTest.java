package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second command on the same inputs reads the graph the first stored (and says so on standard error), with the
 * same answer; {@code --no-cache} neither reads nor writes the store; a damaged entry is one warning and a
 * rebuild; the store's folder and limit come from the options and the environment (docs/performance.md).
 */
class StoredGraphCommandTest {
    private static final String SNAPSHOT = "policies-fixtures/sample-org/snapshot.json";
    private static final String READ = "access graph read from the store";

    @TempDir
    Path store;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--snapshot", SNAPSHOT, "--cache-dir", store.toString()));
        return CliRun.of(all);
    }

    @Test
    void theSecondRunReadsTheStoredGraphAndAnswersTheSame() throws IOException {
        CliRun cold = run("paths", "helpdesk-rsingh");
        assertEquals(0, cold.exit(), cold.err());
        assertFalse(cold.err().contains(READ), cold.err());
        assertEquals(1, entries().size());
        CliRun warm = run("paths", "helpdesk-rsingh");
        assertEquals(0, warm.exit(), warm.err());
        assertTrue(warm.err().contains(READ), warm.err());
        assertEquals(cold.out(), warm.out());
        // One graph serves every command on the same inputs and attacker.
        String[][] others = {
            {"who-can", "s3:GetObject", "arn:aws:s3:::acme-prod-customer-data/x"},
            {"blast-radius", "helpdesk-rsingh", "--format", "json"},
            {"graph", "--format", "json"},
        };
        for (String[] command : others) {
            CliRun read = run(command);
            assertEquals(0, read.exit(), read.err());
            assertTrue(read.err().contains(READ), read.err());
            List<String> noCache = new ArrayList<>(List.of(command));
            noCache.add("--no-cache");
            CliRun built = run(noCache.toArray(String[]::new));
            assertFalse(built.err().contains(READ), built.err());
            assertEquals(timeless(built.out()), timeless(read.out()), String.join(" ", command));
        }
        assertEquals(1, entries().size());
    }

    /** Hunting queries start at the time of the run. */
    private static String timeless(String report) {
        return report.replaceAll("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\dZ?", "TIME");
    }

    @Test
    void noCacheNeitherReadsNorWrites() throws IOException {
        CliRun r = run("paths", "helpdesk-rsingh", "--no-cache");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(), entries());
    }

    @Test
    void anotherAttackerIsAnotherGraph() throws IOException {
        run("paths", "helpdesk-rsingh");
        CliRun insider = run("paths", "helpdesk-rsingh", "--attacker", "insider");
        assertFalse(insider.err().contains(READ), insider.err());
        CliRun context = run("paths", "helpdesk-rsingh", "--context", "aws:SourceIp=10.0.0.1");
        assertFalse(context.err().contains(READ), context.err());
        assertEquals(3, entries().size());
    }

    @Test
    void aDamagedEntryIsOneWarningAndARebuild() throws IOException {
        CliRun cold = run("paths", "helpdesk-rsingh");
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length - 100] ^= 1;
        Files.write(entry, bytes);
        CliRun damaged = run("paths", "helpdesk-rsingh");
        assertEquals(0, damaged.exit(), damaged.err());
        assertEquals(cold.out(), damaged.out());
        assertEquals(1, damaged.err().lines().filter(l -> l.startsWith("iamscope: warning: stored graph")).count(),
                damaged.err());
        assertFalse(damaged.err().contains(READ), damaged.err());
        CliRun again = run("paths", "helpdesk-rsingh");
        assertTrue(again.err().contains(READ), "stored again after the rebuild: " + again.err());
    }

    @Test
    void theFolderIsTheOptionElseTheEnvironmentElseTheXdgCache() {
        StoreOptions o = new StoreOptions();
        Path home = Path.of("/home/alice");
        assertEquals(Path.of("/home/alice/.cache/iamscope"), o.dir(Map.of(), home));
        assertEquals(Path.of("/home/alice/.cache/iamscope"), o.dir(Map.of("XDG_CACHE_HOME", "relative"), home));
        assertEquals(Path.of("/xdg/iamscope"), o.dir(Map.of("XDG_CACHE_HOME", "/xdg"), home));
        assertEquals(Path.of("/own"), o.dir(Map.of("XDG_CACHE_HOME", "/xdg", "IAMSCOPE_CACHE_DIR", "/own"), home));
        o.cacheDir = Path.of("/given");
        assertEquals(Path.of("/given"), o.dir(Map.of("IAMSCOPE_CACHE_DIR", "/own"), home));
    }

    @Test
    void theLimitIsBytesOrKMG() {
        assertEquals(2L << 30, StoreOptions.size(null));
        assertEquals(2L << 30, StoreOptions.size(""));
        assertEquals(1000, StoreOptions.size("1000"));
        assertEquals(64L << 10, StoreOptions.size("64k"));
        assertEquals(500L << 20, StoreOptions.size("500M"));
        assertEquals(3L << 30, StoreOptions.size("3G"));
        UserInputException e = assertThrows(UserInputException.class, () -> StoreOptions.size("lots"));
        assertTrue(e.getMessage().contains("IAMSCOPE_CACHE_SIZE"), e.getMessage());
        assertThrows(UserInputException.class, () -> StoreOptions.size("-1"));
        assertThrows(UserInputException.class, () -> StoreOptions.size("99999999999G"));
    }

    private List<Path> entries() throws IOException {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(store)) {
            return files.filter(f -> f.toString().endsWith(".graph")).toList();
        }
    }
}
