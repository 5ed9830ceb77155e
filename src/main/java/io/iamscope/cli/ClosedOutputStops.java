package io.iamscope.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that ends the run when it is closed ({@code iamscope review | head -1}): Java's print streams
 * swallow the write error (EPIPE) and the run would go on to its end for nobody. The process stops at once with
 * {@value #EXIT}, the code of a process killed by SIGPIPE (128 + 13), which is what a shell expects of a
 * producer whose reader left.
 */
final class ClosedOutputStops extends FilterOutputStream {
    /** The exit code: 128 + SIGPIPE. */
    static final int EXIT = 141;

    ClosedOutputStops(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            stop();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            stop();
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            stop();
        }
    }

    private static void stop() {
        // Nothing is left to tell: the reader is gone. halt, not exit: no shutdown hook can write to it either.
        Runtime.getRuntime().halt(EXIT);
    }
}
