package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code catalog lint} reports what AWS would refuse for the policy's type, with code, file and JSON pointer. */
class CatalogLintGrammarTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        // The command line every command runs in: its error handler maps input errors to exit 2.
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "catalog";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }

    @Test
    void identityPolicyWithoutResource() throws Exception {
        Path p = Files.writeString(dir.resolve("id.json"), "{\"Version\": \"2012-10-17\", \"Statement\":"
                + " [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\"}]}");
        assertEquals(1, run("lint", p.toString()));
        assertTrue(out.toString().contains(p + "#/Statement/0: MISSING_RESOURCE: "), out.toString());
    }

    @Test
    void typeIsGuessedOrGiven() throws Exception {
        Path trust = Files.writeString(dir.resolve("trust.json"), "{\"Version\": \"2012-10-17\", \"Statement\":"
                + " [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"lambda.amazonaws.com\"}, \"Action\":"
                + " \"sts:AssumeRole\"}]}");
        assertEquals(0, run("lint", trust.toString()));
        assertTrue(out.toString().contains("no findings (read as a trust policy)"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(1, run("lint", "--type", "identity", trust.toString()));
        assertTrue(out.toString().contains("#/Statement/0/Principal: UNSUPPORTED_PRINCIPAL: "), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(1, run("lint", "--type", "scp", "--format", "json", trust.toString()));
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals("scp", doc.get("type").asText());
        assertEquals("UNSUPPORTED_PRINCIPAL", doc.get("findings").get(0).get("code").asText(), out.toString());
        assertEquals(2, run("lint", "--type", "bucket", trust.toString()));
        assertTrue(err.toString().contains("`bucket` is not a policy type"), err.toString());
    }

    @Test
    void rcpThatAllowsLessThanEverything() throws Exception {
        Path p = Files.writeString(dir.resolve("rcp.json"), "{\"Version\": \"2012-10-17\", \"Statement\":"
                + " [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}");
        assertEquals(1, run("lint", "--type", "rcp", p.toString()));
        assertTrue(out.toString().contains("#/Statement/0: RCP_LIMITED_ALLOW: "), out.toString());
    }

    @Test
    void aPolicyTheParserRefusesIsAFindingNotAnInputError() throws Exception {
        Path p = Files.writeString(dir.resolve("permit.json"), "{\"Statement\": [{\"Effect\": \"Permit\","
                + " \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}");
        assertEquals(1, run("lint", p.toString()));
        assertTrue(out.toString().contains("#/Statement/0/Effect: POLICY_INVALID_EFFECT: "), out.toString());
    }
}
