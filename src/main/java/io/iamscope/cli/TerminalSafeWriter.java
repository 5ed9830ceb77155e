package io.iamscope.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Everything iamscope prints goes through here: control characters are written as visible escapes
 * ({@code \x1b}, {@code \u202e}), newlines and tabs as they are. Names, tags and descriptions come from a
 * snapshot, which anyone who can tag a resource writes into: an escape sequence in a tag must not reach the
 * analyst's terminal (it can rewrite the screen, hide lines, or set the window title), nor a carriage return
 * or a bidirectional override make a line read as another. JSON output is unaffected: its writer already
 * escapes control characters inside strings (RFC 8259, section 7).
 */
final class TerminalSafeWriter extends FilterWriter {
    private TerminalSafeWriter(Writer out) {
        super(out);
    }

    /** {@code out}, escaping; a writer already escaping is returned as it is. */
    static PrintWriter wrap(PrintWriter out) {
        if (out instanceof Escaping) {
            return out;
        }
        return new Escaping(new TerminalSafeWriter(out));
    }

    /** The print writer over an escaping writer (a type to recognise it by). */
    private static final class Escaping extends PrintWriter {
        Escaping(Writer out) {
            super(out);
        }
    }

    /** Whether {@code c} must not reach a terminal as it is. */
    static boolean unsafe(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                // Bidirectional embeddings, overrides and isolates (Unicode UAX #9): they reorder what follows.
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    static String escape(char c) {
        return c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
    }

    @Override
    public void write(int c) throws IOException {
        if (unsafe((char) c)) {
            out.write(escape((char) c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (unsafe(buf[i])) {
                out.write(buf, start, i - start);
                out.write(escape(buf[i]));
                start = i + 1;
            }
        }
        out.write(buf, start, off + len - start);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (unsafe(s.charAt(i))) {
                out.write(s, start, i - start);
                out.write(escape(s.charAt(i)));
                start = i + 1;
            }
        }
        out.write(s, start, off + len - start);
    }
}
