package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress line: the phases named, shown only on a terminal, never with --quiet, never in a test's output. */
class TerminalProgressTest {
    private static String waitFor(ByteArrayOutputStream drawn, String text) throws InterruptedException {
        // Drawn by the library's own thread: polled, with a generous bound (a loaded machine), not timed.
        for (int i = 0; i < 200 && !drawn.toString(StandardCharsets.UTF_8).contains(text); i++) {
            Thread.sleep(50);
        }
        return drawn.toString(StandardCharsets.UTF_8);
    }

    @Test
    void namesThePhaseAndWhereInItThenClearsTheLine() throws InterruptedException {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        try (TerminalProgress progress = new TerminalProgress(new PrintStream(drawn, true, StandardCharsets.UTF_8),
                Duration.ZERO)) {
            progress.phase("building graph (assume)");
            assertTrue(waitFor(drawn, "building graph (assume)").contains("building graph (assume)"));
            progress.phase("collecting");
            progress.at("111122223333 us-east-1 kms: 12 keys");
            String text = waitFor(drawn, "collecting: 111122223333 us-east-1 kms: 12 keys");
            assertTrue(text.contains("collecting: 111122223333 us-east-1 kms: 12 keys"), text);
            assertTrue(text.contains("iamscope"), text);
        }
        // Cleared on close: the last thing written returns to the line's start over blanks.
        String text = drawn.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r"), text.substring(Math.max(0, text.length() - 40)));
    }

    @Test
    void aRunShorterThanTheDelayDrawsNothing() {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        try (TerminalProgress progress = new TerminalProgress(new PrintStream(drawn, true, StandardCharsets.UTF_8),
                Duration.ofMinutes(1))) {
            progress.phase("reading");
        }
        assertEquals("", drawn.toString(StandardCharsets.UTF_8));
    }

    @Test
    void linesAsideAreWrittenClearOfTheBar() throws InterruptedException {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(drawn, true, StandardCharsets.UTF_8);
        try (TerminalProgress progress = new TerminalProgress(stream, Duration.ZERO)) {
            progress.phase("reading");
            waitFor(drawn, "reading");
            progress.aside(() -> stream.print("read x.json: 3 accounts\n"));
        }
        String text = drawn.toString(StandardCharsets.UTF_8);
        int line = text.indexOf("read x.json");
        assertTrue(line > 0 && text.charAt(line - 1) == '\r', "the line does not start a line of its own: " + text);
    }

    @Test
    void quietOrNotATerminalShowsNothing() {
        assertSame(ProgressDisplay.NONE, ProgressDisplay.onStandardError(true));
        // The tests' standard error is a pipe to the build, not a terminal.
        assertSame(ProgressDisplay.NONE, ProgressDisplay.onStandardError(false));
    }

    @Test
    void anAnalysisCommandAcceptsQuiet() {
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute("paths", "ext-contractor-jdoe", "--to", "admin", "--quiet",
                "--snapshot", "policies-fixtures/sample-org/snapshot.json"), err.toString());
        assertTrue(err.toString().startsWith("read "), err.toString());
    }
}
