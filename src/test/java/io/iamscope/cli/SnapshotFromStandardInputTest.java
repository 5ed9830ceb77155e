package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --snapshot -}: a command reads the snapshot piped to it, and names it {@code <stdin>}. */
class SnapshotFromStandardInputTest {
    private static final Path SNAPSHOT = Path.of("policies-fixtures/sample-org/snapshot.json");

    private static String[] run(byte[] stdin, String... args) {
        InputStream saved = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin));
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int exit = cl.execute(args);
            return new String[] {String.valueOf(exit), out.toString(), err.toString()};
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void blastRadiusOfAPipedSnapshotIsTheFilesAnswer() throws IOException {
        String[] piped = run(Files.readAllBytes(SNAPSHOT), "blast-radius", "AKIAZCONTRACTOR7LEAK", "--snapshot", "-",
                "--detail", "summary");
        assertEquals("0", piped[0], piped[2]);
        assertTrue(piped[2].startsWith("read <stdin>: iamscope snapshot v1, 3 accounts"), piped[2]);
        String[] file = run(new byte[0], "blast-radius", "AKIAZCONTRACTOR7LEAK", "--snapshot", SNAPSHOT.toString(),
                "--detail", "summary");
        assertEquals(file[1], piped[1]);
    }

    /** Its content is known only once read: a piped snapshot's graph is neither read from the store nor stored. */
    @Test
    void aPipedSnapshotsGraphIsNotStored(@org.junit.jupiter.api.io.TempDir Path store) throws IOException {
        for (int i = 0; i < 2; i++) {
            String[] piped = run(Files.readAllBytes(SNAPSHOT), "paths", "helpdesk-rsingh", "--snapshot", "-",
                    "--cache-dir", store.toString());
            assertEquals("0", piped[0], piped[2]);
            assertTrue(!piped[2].contains("read from the store"), piped[2]);
        }
        try (java.util.stream.Stream<Path> files = Files.list(store)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void badInputOnStandardInputIsOneLineNamingIt() {
        String[] r = run("not json".getBytes(StandardCharsets.UTF_8), "paths", "x", "--snapshot", "-");
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].startsWith("iamscope: <stdin>: SNAPSHOT_"), r[2]);
        assertEquals(1, r[2].lines().count(), r[2]);
    }
}
