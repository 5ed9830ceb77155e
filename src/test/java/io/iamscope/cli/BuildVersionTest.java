package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code iamscope --version} prints the pom's version, as the build wrote it, not a second copy in the code. */
class BuildVersionTest {
    private static String pomVersion() throws IOException {
        // The project's own version: the first <version> after its <artifactId>.
        Matcher m = Pattern.compile("<artifactId>iamscope</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml has no project version");
        return m.group(1);
    }

    @Test
    void versionOptionPrintsThePomsVersionAndTheBuild() throws IOException {
        StringWriter out = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--version"));
        var lines = out.toString().lines().toList();
        assertEquals("iamscope " + pomVersion(), lines.get(0));
        assertTrue(lines.get(1).matches("built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ with Java 17.*"), lines.get(1));
        assertTrue(lines.get(2).startsWith("running on Java "), lines.get(2));
    }

    @Test
    void aSubcommandsVersionIsTheSame() throws IOException {
        StringWriter out = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("blast-radius", "--version"));
        assertEquals("iamscope " + pomVersion(), out.toString().lines().findFirst().orElse(""));
    }
}
