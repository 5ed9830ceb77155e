package io.iamscope.cli;

import io.iamscope.model.Snapshot;
import io.iamscope.model.io.AtomicFile;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/** Where a report command writes (its output, or {@code --out FILE} atomically), and the time it judges from. */
final class ReportOut {
    private ReportOut() {
    }

    /**
     * Renders to {@code out}, or with {@code file} set to that file through {@link AtomicFile} (owner-only, never a
     * half-written report; an unwritable path is an input error naming it), saying so on {@code err}.
     */
    static void write(Path file, PrintWriter out, PrintWriter err, Consumer<PrintWriter> render) {
        if (file == null) {
            render.accept(out);
            out.flush();
            return;
        }
        AtomicFile.write(file, true, os -> {
            PrintWriter w = TerminalSafeWriter.wrap(new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8)));
            render.accept(w);
            w.flush();
        });
        err.println("wrote " + file);
    }

    /** Ages are measured from the snapshot's collection time (a review of last month's snapshot is of then). */
    static Instant asOf(Snapshot s) {
        if (s.collectedAt() != null) {
            try {
                return Instant.parse(s.collectedAt());
            } catch (DateTimeParseException e) {
                // not an instant: now
            }
        }
        return Instant.now();
    }
}
