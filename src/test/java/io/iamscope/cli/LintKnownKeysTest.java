package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Policies in the shapes AWS's own managed policies and common trust policies take (written for these tests, not
 * copied): service tag keys such as {@code secretsmanager:ResourceTag/Team}, identity-provider keys such as
 * {@code token.actions.githubusercontent.com:sub}, SAML keys. {@code catalog lint} must find nothing in them.
 */
class LintKnownKeysTest {
    static Stream<Path> cleanPolicies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/lint/clean"))) {
            List<Path> list = files.sorted().toList();
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cleanPolicies")
    void lintsClean(Path policy) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new CatalogCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("lint", policy.toString()), out.toString());
    }
}
