package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code iamscope paths} and {@code iamscope graph} on the sample organization (docs/sample-org.md). */
class PathsCommandTest {
    private static final String SNAPSHOT = "policies-fixtures/sample-org/snapshot.json";

    private static CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--snapshot";
        all[args.length + 1] = SNAPSHOT;
        return CliRun.of(all);
    }

    @Test
    void leakedKeyToProdDeployAsJson() throws Exception {
        CliRun r = run("paths", "AKIAZCONTRACTOR7LEAK", "--to", "arn:aws:iam::222222222222:role/acme-deploy",
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode steps = root.get("paths").get(0).get("steps");
        assertEquals("iam-create-policy-version", steps.get(0).get("technique").asText(), r.out());
        assertEquals("arn:aws:iam::222222222222:role/acme-deploy", steps.get(steps.size() - 1).get("to").asText());
        assertEquals("iam:CreatePolicyVersion", steps.get(0).get("evidence").get(0).get("action").asText());
    }

    @Test
    void adminPathAsText() {
        CliRun r = run("paths", "helpdesk-rsingh", "--to", "admin");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("iam-create-access-key"), r.out());
    }

    @Test
    void unknownPrincipalIsAnInputError() {
        CliRun r = run("paths", "nobody-here");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("nobody-here"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
    }

    @Test
    void graphExportsMermaidAndDot() {
        CliRun m = run("graph", "--format", "mermaid");
        assertEquals(0, m.exit(), m.err());
        assertTrue(m.out().startsWith("flowchart LR"), m.out());
        assertTrue(m.out().contains("|iam-add-user-to-group|"), m.out());
        CliRun d = run("graph", "--format", "dot");
        assertEquals(0, d.exit(), d.err());
        assertTrue(d.out().contains("digraph"), d.out());
        CliRun g = run("graph", "--format", "graphml");
        assertTrue(g.out().contains("<graphml"), g.out());
        CliRun j = run("graph", "--format", "json");
        assertTrue(j.out().contains("\"technique\""), j.out());
    }

    @Test
    void graphAsHtmlDrawsOneStartsPaths() {
        CliRun h = run("graph", "--start", "AKIAZCONTRACTOR7LEAK", "--format", "html");
        assertEquals(0, h.exit(), h.err());
        assertTrue(h.out().startsWith("<!DOCTYPE html>"), h.out());
        assertTrue(h.out().contains("<svg id=\"path-graph\""), h.out());
        CliRun whole = run("graph", "--format", "html");
        assertEquals(2, whole.exit());
        assertTrue(whole.err().contains("--format html draws one start's paths: give --start"), whole.err());
    }

    /** One start's paths only: the contractor's key reaches acme-prod's deploy role, not the management account. */
    @Test
    void graphOfOneStartHoldsItsPathsOnly() {
        CliRun d = run("graph", "--start", "AKIAZCONTRACTOR7LEAK", "--format", "dot");
        assertEquals(0, d.exit(), d.err());
        assertTrue(d.out().contains("rankdir=LR;"), d.out());
        assertTrue(d.out().contains("label=\"acme-deploy\""), d.out());
        assertTrue(!d.out().contains("111111111111"), d.out());
        CliRun admin = run("graph", "--start", "AKIAZCONTRACTOR7LEAK", "--to", "admin", "--format", "mermaid");
        assertEquals(0, admin.exit(), admin.err());
        assertTrue(!admin.out().contains("acme-deploy"), admin.out());
        assertEquals(2, run("graph", "--to", "admin").exit());
    }
}
