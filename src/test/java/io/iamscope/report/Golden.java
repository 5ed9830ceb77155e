package io.iamscope.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Golden files of the reports (src/test/resources/report/golden/, README.md there): a test renders a report
 * and compares it, byte for byte, with its golden file. A difference fails with the file, the first differing
 * line and how to update; {@code -Diamscope.updateGoldens=true} rewrites the files instead (then review the
 * diff with git).
 */
final class Golden {
    static final Path DIR = Path.of("src/test/resources/report/golden");
    /** Where a report that differs from its golden file is written, whole, for a diff. */
    static final Path ACTUAL = Path.of(System.getProperty("iamscope.build.dir", "target"), "golden-actual");
    static final String UPDATE_PROPERTY = "iamscope.updateGoldens";
    /** Golden files are read by people: one stays under this size. */
    static final long MAX_BYTES = 300 * 1024;
    /** ... and all of them under this one. */
    static final long MAX_TOTAL_BYTES = 3 * 1024 * 1024;

    private Golden() {
    }

    static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    /** What the renderer prints, with {@code \n} line ends whatever the platform's. */
    static String render(Consumer<PrintWriter> renderer) {
        StringWriter s = new StringWriter();
        PrintWriter out = new PrintWriter(s);
        renderer.accept(out);
        out.flush();
        return s.toString().replace("\r\n", "\n");
    }

    /** Renders a report and checks it against golden file {@code name}. */
    static void check(String name, Consumer<PrintWriter> renderer) {
        String actual = render(renderer);
        assertMatches(name, actual, actual);
    }

    /**
     * Renders a report too long to read whole and checks it, its long lists cut ({@link #elideLists}), against
     * golden file {@code name}: a change anywhere still changes the golden file (the cut lines' digest).
     */
    static void checkElided(String name, int keep, Consumer<PrintWriter> renderer) {
        String full = render(renderer);
        assertMatches(name, elideLists(full, keep), full);
    }

    /**
     * A report with each run of more than {@code keep + 1} consecutive list lines (starting with {@code "- "})
     * cut to its first {@code keep} lines and one line in their place: {@code [golden: N more lines elided,
     * sha256 0123456789abcdef]}, the first 16 hex digits of the SHA-256 of the cut lines (each with its
     * {@code \n}).
     */
    static String elideLists(String report, int keep) {
        String[] lines = report.split("\n", -1);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("- ")) {
                out.add(lines[i++]);
                continue;
            }
            int end = i;
            while (end < lines.length && lines[end].startsWith("- ")) {
                end++;
            }
            if (end - i <= keep + 1) {
                out.addAll(Arrays.asList(lines).subList(i, end));
            } else {
                out.addAll(Arrays.asList(lines).subList(i, i + keep));
                StringBuilder cut = new StringBuilder();
                for (int j = i + keep; j < end; j++) {
                    cut.append(lines[j]).append('\n');
                }
                out.add("[golden: " + (end - i - keep) + " more lines elided, sha256 " + sha256(cut.toString())
                        .substring(0, 16) + "]");
            }
            i = end;
        }
        return String.join("\n", out);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks that {@code actual} is the content of golden file {@code name} (or writes it, in update mode).
     *
     * @param full the whole report {@code actual} was made of, written next to the build on a failure
     */
    static void assertMatches(String name, String actual, String full) {
        Path file = DIR.resolve(name);
        byte[] bytes = actual.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            fail("golden file " + file + " would be " + bytes.length + " bytes, over " + MAX_BYTES
                    + ": golden files are read by people; pick a smaller input");
        }
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                if (!Files.exists(file) || !actual.equals(Files.readString(file, StandardCharsets.UTF_8))) {
                    Files.write(file, bytes);
                }
                return;
            }
            if (!Files.exists(file)) {
                fail("no golden file " + file + ": create it with " + howToUpdate());
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                Path written = ACTUAL.resolve(name);
                Files.createDirectories(written.getParent());
                Files.writeString(written, full, StandardCharsets.UTF_8);
                fail(difference(file, expected, actual) + "\nThe whole report is in " + written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String howToUpdate() {
        return "./mvnw -q -B -o test -Dtest='io.iamscope.report.*Test' -D" + UPDATE_PROPERTY + "=true"
                + " (then review `git diff " + DIR + "`)";
    }

    /** The first line that differs, both versions of it, and how to update. */
    static String difference(Path file, String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int line = 0;
        while (line < e.length && line < a.length && e[line].equals(a[line])) {
            line++;
        }
        StringBuilder sb = new StringBuilder("report differs from golden file ").append(file)
                .append(" at line ").append(line + 1).append(" (golden has ").append(e.length)
                .append(" lines, report ").append(a.length).append(")\n");
        sb.append("  expected: ").append(line < e.length ? shown(e[line]) : "<end of file>").append('\n');
        sb.append("  actual:   ").append(line < a.length ? shown(a[line]) : "<end of file>").append('\n');
        sb.append("If the change is intended, update the golden files with ").append(howToUpdate());
        return sb.toString();
    }

    private static String shown(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
