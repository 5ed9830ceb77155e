package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TestCommandTest {
    private static final String USER = "{\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"type\":\"user\"}";
    private static final String REQ = "{\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"}";
    private static final String ALLOW_ALL = "[{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}}]";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void passingCasesExitZeroWithSummary() throws IOException {
        Path f = file("ok.jsonl", "{\"id\":\"a\",\"identityPolicies\":" + ALLOW_ALL + ",\"principal\":" + USER
                + ",\"request\":" + REQ + ",\"expected\":\"Allow\"}\n\n"
                + "{\"id\":\"b\",\"principal\":" + USER + ",\"request\":" + REQ + ",\"expected\":\"ImplicitDeny\"}\n");
        Run r = run("test", f.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().trim().endsWith("2 passed, 0 failed"), r.out());
    }

    @Test
    void failingCaseIsOneLineAndExitsOne() throws IOException {
        Path f = file("bad.json", "[{\"id\":\"wrong\",\"identityPolicies\":" + ALLOW_ALL + ",\"principal\":" + USER
                + ",\"request\":" + REQ + ",\"expected\":\"ExplicitDeny\"}]");
        Run r = run("test", f.toString());
        assertEquals(1, r.exit());
        String[] lines = r.out().trim().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].startsWith("FAIL wrong (") && lines[0].contains("expected ExplicitDeny, got Allow"),
                lines[0]);
        assertEquals("0 passed, 1 failed", lines[1]);
    }

    @Test
    void invalidPolicyIsSkippedWithPointerAndFailsTheRun() throws IOException {
        Path f = file("skip.jsonl", "{\"id\":\"s\",\"identityPolicies\":[{\"Statement\":{\"Effect\":\"Permit\","
                + "\"Action\":\"*\"}}],\"principal\":" + USER + ",\"request\":" + REQ + ",\"expected\":\"Allow\"}");
        Run r = run("test", f.toString());
        // A case that cannot run proves nothing: exit 2, with the count (issue #22, item 9).
        assertEquals(2, r.exit());
        assertEquals("iamscope: 1 of 1 case is invalid and was skipped: fix it, or remove it\n", r.err());
        assertTrue(r.out().contains("SKIP s (") && r.out().contains("/identityPolicies/0/Statement/Effect"), r.out());
        assertTrue(r.out().trim().endsWith("0 passed, 0 failed, 1 skipped"), r.out());
    }

    @Test
    void fourSkippedOfFiveFailTheRun() throws IOException {
        String ok = "{\"id\":\"a\",\"principal\":" + USER + ",\"request\":" + REQ + ",\"expected\":\"ImplicitDeny\"}\n";
        String bad = "{\"id\":\"s\",\"principal\":" + USER + ",\"request\":" + REQ + ",\"expected\":\"Maybe\"}\n";
        Run r = run("test", file("mixed.jsonl", ok + bad.repeat(4)).toString());
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("4 of 5 cases are invalid"), r.err());
        assertTrue(r.out().trim().endsWith("1 passed, 0 failed, 4 skipped"), r.out());
    }

    @Test
    void noCasesAtAllFailTheRun() throws IOException {
        Run empty = run("test", file("empty.jsonl", "\n// nothing yet\n").toString());
        assertEquals(2, empty.exit(), empty.out());
        assertTrue(empty.err().startsWith("iamscope: no test cases in"), empty.err());
        Path folder = Files.createDirectory(dir.resolve("none"));
        Files.writeString(folder.resolve("README.md"), "not a case file");
        Run none = run("test", folder.toString());
        assertEquals(2, none.exit(), none.out());
        assertTrue(none.err().contains("no case files (*.jsonl, *.json) in `" + folder + "`"), none.err());
    }

    @Test
    void malformedCaseFileExitsTwoWithoutStackTrace() throws IOException {
        Path f = file("broken.jsonl", "{\"id\": \"x\",\n");
        Run r = run("test", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("iamscope: ") && r.err().contains("broken.jsonl:1"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    /** Text is read as a stream: a malformed file among others runs none of its cases, the others all run. */
    @Test
    void aMalformedFileAmongOthersIsNamedAndTheOthersStillRun() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("many"));
        String pass = "{\"id\":\"%s\",\"identityPolicies\":" + ALLOW_ALL + ",\"principal\":" + USER
                + ",\"request\":" + REQ + ",\"expected\":\"Allow\"}";
        Files.writeString(folder.resolve("a.jsonl"), pass.formatted("first"));
        Files.writeString(folder.resolve("b.jsonl"), pass.formatted("fine") + "\n{\"id\": \"x\",\n");
        Files.writeString(folder.resolve("c.jsonl"), pass.formatted("last"));
        Run r = run("test", "-v", folder.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("PASS first") && r.out().contains("PASS last"), r.out());
        assertFalse(r.out().contains("PASS fine"), "a refused file runs none of its cases: " + r.out());
        assertTrue(r.out().contains("2 passed, 0 failed"), r.out());
        assertTrue(r.err().contains("b.jsonl:2") && r.err().contains("1 of 3 case files was refused"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());

        // A document (JSON, JUnit XML) is not printed at all when a file is malformed.
        Run json = run("test", "--format", "json", folder.toString());
        assertEquals(2, json.exit());
        assertEquals("", json.out());
        assertTrue(json.err().contains("b.jsonl:2"), json.err());
    }

    @Test
    void missingFileAndBadUsageExitTwo() {
        assertEquals(2, run("test", dir.resolve("nope.jsonl").toString()).exit());
        assertEquals(2, run("test").exit());
        assertEquals(2, run("frobnicate").exit());
    }

    @Test
    void jsonFormatListsEveryResultWithItsDecision() throws IOException {
        Path f = file("j.jsonl", "{\"id\":\"a\",\"identityPolicies\":" + ALLOW_ALL + ",\"principal\":" + USER
                + ",\"request\":" + REQ + ",\"expected\":\"Allow\"}");
        Run r = run("test", "--format", "json", f.toString());
        assertEquals(0, r.exit(), r.err());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("passed").asInt());
        assertEquals("Allow", json.get("results").get(0).get("decision").asText());
        assertEquals("identity", json.get("results").get(0).get("statements").get(0).get("layer").asText());
    }

    /** Cases run on many threads print what they print on one, byte for byte, in every format. */
    @Test
    void manyThreadsPrintWhatOneThreadPrints() throws IOException {
        Path f = file("many.jsonl", io.iamscope.policytest.PolicyMemoTest.manyCases(500));
        for (String format : new String[] {"text", "json", "junit"}) {
            Run one = run("test", "--format", format, "--threads", "1", "-v", f.toString());
            Run four = run("test", "--format", format, "--threads", "4", "-v", f.toString());
            assertEquals(2, one.exit(), one.err());
            assertEquals(one, four);
        }
        assertTrue(run("test", "--threads", "1", f.toString()).out().contains("FAIL fail-4 ("));
    }
}
