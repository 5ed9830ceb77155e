package io.iamscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What a command that may take a while is doing, for a person watching the terminal: the phase it is in (reading,
 * building the graph, enumerating), and within it what it is at. The commands name the phases; only
 * {@link TerminalProgress} draws them. Closing clears the display, before the command prints its answer.
 */
interface ProgressDisplay extends AutoCloseable {
    /** Shows nothing: not a terminal, or {@code --quiet}. */
    ProgressDisplay NONE = new ProgressDisplay() {
        @Override
        public void phase(String name) {
        }

        @Override
        public void at(String detail) {
        }

        @Override
        public void aside(Runnable print) {
            print.run();
        }

        @Override
        public void close() {
        }
    };

    /** A new phase starts. */
    void phase(String name);

    /** Where in its phase the command is (the account and service {@code collect} is reading). */
    void at(String detail);

    /** Runs {@code print} (lines on standard error) with the display out of its way, then shows it again. */
    void aside(Runnable print);

    /**
     * What {@code work} returns; what it says on {@code err} meanwhile (a reader's summary and warnings) is held
     * and printed when it ends, clear of the display.
     */
    default <T> T saying(PrintWriter err, Function<PrintWriter, T> work) {
        StringWriter said = new StringWriter();
        PrintWriter saying = new PrintWriter(said);
        try {
            return work.apply(saying);
        } finally {
            saying.flush();
            aside(() -> {
                err.print(said);
                err.flush();
            });
        }
    }

    /** Clears the display; nothing is shown after it. */
    @Override
    void close();

    /** Progress on standard error when it is a terminal and the user did not ask for quiet; otherwise none. */
    static ProgressDisplay onStandardError(boolean quiet) {
        return !quiet && standardErrorIsTerminal() ? new TerminalProgress(System.err) : NONE;
    }

    /**
     * Where the kernel tells (Linux's /proc), whether standard error itself is a terminal, so that
     * {@code iamscope review > out.txt} still shows it; elsewhere, whether Java sees a console (standard input and
     * output both terminals).
     */
    private static boolean standardErrorIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
