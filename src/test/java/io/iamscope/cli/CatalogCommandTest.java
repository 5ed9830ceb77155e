package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class CatalogCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** {@code iamscope catalog ARGS}, as a user runs it. */
    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "catalog";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }

    @Test
    void expandsPatternsWithAccessLevels() {
        assertEquals(0, run("expand", "iam:?etRole"));
        assertTrue(out.toString().matches("(?s)iam:GetRole\\s+Read\\s+1 action\\s*"), out.toString());
    }

    @Test
    void expandsAsJson() throws Exception {
        assertEquals(0, run("expand", "--format", "json", "s3:GetObject", "s3:PutObject"));
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals(2, doc.get("count").asInt());
        assertEquals("Read", doc.get("actions").get(0).get("accessLevel").asText());
    }

    @Test
    void showsAService() throws Exception {
        assertEquals(0, run("service", "s3"));
        assertTrue(out.toString().startsWith("s3: Amazon S3"));
        assertTrue(out.toString().contains("arn:${Partition}:s3:::${BucketName}/${ObjectName}"));
        assertEquals(0, run("service", "--format", "json", "IAM"));
        assertEquals(ExitCodes.INPUT_ERROR, run("service", "nosuch"));
        assertTrue(err.toString().startsWith("iamscope: SERVICE_UNKNOWN: `nosuch` is not a service of the catalog"),
                err.toString());
        assertFalse(err.toString().trim().contains("\n"), err.toString());
    }

    @Test
    void anUnknownServiceSaysWhichAreNear() {
        assertEquals(ExitCodes.INPUT_ERROR, run("service", "s4"));
        assertTrue(err.toString().startsWith("iamscope: SERVICE_UNKNOWN: `s4` is not a service of the catalog: did you"
                + " mean `s3`"), err.toString());
    }

    @Test
    void lintReportsFindingsWithPointers() throws Exception {
        Path policy = Files.writeString(dir.resolve("p.json"),
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:GetObjct\"],\"Resource\":\"*\"}]}");
        assertEquals(1, run("lint", policy.toString()));
        assertTrue(out.toString().contains("#/Statement/0/Action/1: UNKNOWN_ACTION: unknown action `s3:GetObjct`"),
                out.toString());
        out.getBuffer().setLength(0);
        assertEquals(1, run("lint", "--format", "json", policy.toString()));
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals("/Statement/0/Action/1", doc.get("findings").get(0).get("pointer").asText());
    }

    /** A policy AWS would refuse (an Effect of `allow`) is a finding with its pointer; text that is not JSON exits 2. */
    @Test
    void lintOfAnInvalidPolicyIsAFindingWithItsPointer() throws Exception {
        Path policy = Files.writeString(dir.resolve("bad.json"),
                "{\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"s3:GetObject\"}]}");
        assertEquals(ExitCodes.FINDINGS, run("lint", policy.toString()));
        assertTrue(out.toString().contains(policy + "#/Statement/0/Effect: POLICY_INVALID_EFFECT: "), out.toString());
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"Statement\": [");
        assertEquals(ExitCodes.INPUT_ERROR, run("lint", garbage.toString()));
        assertTrue(err.toString().startsWith("iamscope: POLICY_MALFORMED_JSON: "), err.toString());
    }

    @Test
    void lintOfACleanPolicyExitsZero() throws Exception {
        Path policy = Files.writeString(dir.resolve("ok.json"),
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}}");
        assertEquals(0, run("lint", policy.toString()));
    }

    @Test
    void unreadableInputIsOneLineAndExitTwo() throws Exception {
        assertEquals(ExitCodes.INPUT_ERROR, run("lint", dir.resolve("missing.json").toString()));
        assertTrue(err.toString().startsWith("iamscope: cannot read `"), err.toString());
        assertFalse(err.toString().trim().contains("\n"));
        err.getBuffer().setLength(0);
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"Statement\": [");
        assertEquals(ExitCodes.INPUT_ERROR, run("lint", broken.toString()));
        assertTrue(err.toString().startsWith("iamscope: POLICY_MALFORMED_JSON: not valid JSON"), err.toString());
        assertFalse(err.toString().contains("at com.fasterxml"));
        assertFalse(err.toString().trim().contains("\n"), err.toString());
    }
}
