package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The invariant the fuzz tests hold every reader to (issue #22): any input gives an answer, or the one line and
 * exit 2 of an input error naming where; never exit 4 (an internal error: a bug). What a reader throws is
 * classified exactly as the command line does ({@link ErrorHandler#outcome}); an {@link Error} (a stack
 * overflow) escapes and is a finding of its own.
 */
final class InputInvariant {
    private InputInvariant() {
    }

    /** Runs {@code work} on input named {@code where}; fails on anything but success or exit 2 naming it. */
    static void holds(String where, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            ErrorHandler.Outcome outcome = ErrorHandler.outcome(e);
            if (outcome.exitCode() != ExitCodes.INPUT_ERROR) {
                throw new AssertionError("exit " + outcome.exitCode() + ": " + outcome.line(), e);
            }
            assertTrue(outcome.line().contains(where), "no location in: " + outcome.line());
            assertEquals(-1, outcome.line().indexOf('\n'), "more than one line: " + outcome.line());
        }
    }

    /** Bytes as a file of the given name in a fresh temporary folder, for readers that take a path. */
    static Path file(byte[] bytes, String name) {
        try {
            Path dir = Files.createTempDirectory("iamscope-fuzz");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve(name);
            Files.write(file, bytes);
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Removes a file written by {@link #file} and its folder. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
