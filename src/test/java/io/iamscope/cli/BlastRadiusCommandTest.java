package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.analysis.FakeGraph;
import io.iamscope.analysis.SampleOrg;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code iamscope blast-radius} and {@code iamscope who-can} on the sample organization, with a hand-built graph. */
class BlastRadiusCommandTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(FakeGraph graph, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        if (graph != null) {
            ((BlastRadiusCommand) cl.getSubcommands().get("blast-radius").getCommand()).graphs = (i, a, c, b) -> graph;
            ((WhoCanCommand) cl.getSubcommands().get("who-can").getCommand()).graphs = (i, a, c, b) -> graph;
        }
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--snapshot";
        all[args.length + 1] = SampleOrg.SNAPSHOT;
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    @Test
    void principalsReachedThroughControlOfAnAccountAreCountedNotListedInText() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("blast-radius", "start", "--snapshot", "src/test/resources/blast/taken-account.json");
        assertEquals(0, exit, err.toString());
        String text = out.toString();
        // `admin` is reached by assuming it; the users and `data` only through control of the account.
        assertTrue(text.contains("role `admin` (arn:aws:iam::222222222222:role/admin), 1 hop, ADMIN"), text);
        assertTrue(text.contains("5 more principals through control of `account 222222222222` (1 admin-equivalent,"
                + " 0 conditional)"), text);
        assertTrue(text.contains("`admin2`, `data`, `vault`, `u1`, `u2`"), text);
        assertTrue(!text.contains("user `u1` (arn:aws:iam::222222222222:user/u1)"), text);
    }

    @Test
    void textPutsAdminFirstThenPathsTacticsServicesAndQueries() {
        Run r = run(SampleOrg.graph(), "blast-radius", "AKIAZCONTRACTOR7LEAK");
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("blast radius of user `ext-contractor-jdoe`"), out);
        assertTrue(out.contains("attacker profile: stolen-keys"), out);
        assertTrue(out.contains("ADMIN: YES: can make itself an administrator of acme-dev (333333333333)"), out);
        assertTrue(out.contains("REACHABLE PRINCIPALS: 2 (2 definite, 0 conditional)"), out);
        assertTrue(out.contains("`ci-deployer` -> `acme-deploy` by assume `assume-role`"), out);
        assertTrue(out.contains("tamper with CloudTrail or other logging (defense evasion)?"), out);
        assertTrue(out.contains("ACCESS BY SERVICE:"), out);
        assertTrue(out.contains("s3:GetObject on `arn:aws:s3:::"), out);
        assertTrue(out.contains("can make itself an administrator"), out);
        assertTrue(out.contains("useridentity.accesskeyid = 'AKIAZCONTRACTOR7LEAK'"), out);
        int admin = out.indexOf("ADMIN:");
        int reach = out.indexOf("REACHABLE PRINCIPALS");
        int tactics = out.indexOf("CAN THE ATTACKER");
        int services = out.indexOf("ACCESS BY SERVICE");
        int hunting = out.indexOf("HUNTING QUERIES");
        assertTrue(admin < reach && reach < tactics && tactics < services && services < hunting, out);
    }

    @Test
    void detailAndLimitBoundTheReport() throws Exception {
        Run summary = run(SampleOrg.graph(), "blast-radius", "AKIAZCONTRACTOR7LEAK", "--detail", "summary");
        assertEquals(0, summary.exit(), summary.err());
        assertTrue(summary.out().contains("ADMIN: YES"), summary.out());
        assertFalse(summary.out().contains("REACHABLE PRINCIPALS"), summary.out());
        assertFalse(summary.out().contains("HUNTING QUERIES"), summary.out());
        Run one = run(SampleOrg.graph(), "blast-radius", "AKIAZCONTRACTOR7LEAK", "--limit", "1", "--format", "json");
        assertEquals(0, one.exit(), one.err());
        JsonNode j = new ObjectMapper().readTree(one.out());
        assertEquals("standard", j.path("detail").asText());
        assertEquals(1, j.path("reachable").size());
        assertEquals(1, j.path("reachableOmitted").asInt());
        Run full = run(SampleOrg.graph(), "blast-radius", "AKIAZCONTRACTOR7LEAK", "--detail", "FULL", "--format", "json");
        JsonNode f = new ObjectMapper().readTree(full.out());
        assertEquals("full", f.path("detail").asText());
        assertFalse(f.has("limit") || f.has("reachableOmitted"), full.out());
        Run bad = run(SampleOrg.graph(), "blast-radius", "AKIAZCONTRACTOR7LEAK", "--detail", "some");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--detail must be summary, standard or full, not `some`"), bad.err());
        assertEquals(2, run(SampleOrg.graph(), "blast-radius", "AKIAZCONTRACTOR7LEAK", "--limit", "0").exit());
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        Run r = run(SampleOrg.graph(), "blast-radius", "ext-contractor-jdoe", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String f : List.of("start", "profile", "adminEquivalent", "canReachAdmin", "adminConditional",
                "adminPath", "reachable", "principalsEvaluated", "tactics", "services", "huntTargets",
                "huntingQueries", "notes")) {
            assertTrue(j.has(f), f);
        }
        assertEquals(SampleOrg.CONTRACTOR, j.path("start").path("arn").asText());
        assertTrue(j.path("adminEquivalent").asBoolean());
        JsonNode deploy = j.path("reachable").get(1);
        assertEquals(SampleOrg.DEPLOY, deploy.path("arn").asText());
        JsonNode hop = deploy.path("path").get(1);
        assertEquals(SampleOrg.CI, hop.path("from").asText());
        assertEquals(SampleOrg.DEPLOY, hop.path("to").asText());
        assertEquals("assume", hop.path("kind").asText());
        assertEquals("assume-role", hop.path("technique").asText());
        JsonNode s3 = null;
        for (JsonNode s : j.path("services")) {
            if (s.path("prefix").asText().equals("s3")) {
                s3 = s;
            }
        }
        assertTrue(s3 != null && s3.path("accessLevels").has("Read"));
        JsonNode action = s3.path("actions").get(0);
        assertTrue(action.has("action") && action.has("accessLevel") && action.has("conditional"));
        JsonNode grant = action.path("resources").get(0).path("grantedBy").get(0);
        assertTrue(grant.has("principal") && grant.has("conditional") && grant.has("conditionKeys"));
        assertTrue(j.path("tactics").get(0).has("tactic"));
        assertEquals("athena", j.path("huntingQueries").get(0).path("engine").asText());
    }

    @Test
    void markdownHasTheSections() {
        Run r = run(SampleOrg.graph(), "blast-radius", "ext-contractor-jdoe", "--format", "markdown");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("# Blast radius of `ext-contractor-jdoe`"), r.out());
        assertTrue(r.out().contains("## Reachable principals (2)"));
        assertTrue(r.out().contains("| `s3` |"));
        assertTrue(r.out().contains("```sql"));
    }

    @Test
    void htmlIsOnePageWithTheVerdictFirst() {
        Run r = run(SampleOrg.graph(), "blast-radius", "ext-contractor-jdoe", "--format", "html");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("<!DOCTYPE html>"), r.out());
        assertTrue(r.out().stripTrailing().endsWith("</html>"), r.out());
        assertTrue(r.out().indexOf("id=\"verdict\"") < r.out().indexOf("id=\"paths\""), r.out());
    }

    /** The page shows the local analysis: the simulator's re-check has no place in it. */
    @Test
    void htmlWithTheSimulatorIsAUsageError() {
        Run r = run(SampleOrg.graph(), "blast-radius", "ext-contractor-jdoe", "--format", "html", "--engine",
                "simulator");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--format html shows the local analysis only"), r.err());
    }

    @Test
    void failOnAdminExitsOneOnlyWhenAdminIsReachable() {
        assertEquals(1, run(SampleOrg.graph(), "blast-radius", "ext-contractor-jdoe", "--fail-on", "admin").exit());
        assertEquals(0, run(SampleOrg.graph(), "blast-radius", "ci-deployer", "--fail-on", "admin").exit());
        assertEquals(0, run(SampleOrg.graph(), "blast-radius", "ext-contractor-jdoe").exit());
    }

    @Test
    void inputErrorsExitTwoWithSuggestions() {
        Run typo = run(SampleOrg.graph(), "blast-radius", "ext-contractor-jdo");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("PRINCIPAL_NOT_FOUND"), typo.err());
        assertTrue(typo.err().contains("ext-contractor-jdoe"), typo.err());
        assertFalse(typo.err().contains("\tat "), typo.err());
        Run profile = run(SampleOrg.graph(), "blast-radius", "mlee", "--attacker", "stolen-key");
        assertEquals(2, profile.exit());
        assertTrue(profile.err().contains("ATTACKER_PROFILE_UNKNOWN: no attacker profile `stolen-key`: did you mean"
                + " `stolen-keys`?"), profile.err());
        Run context = run(SampleOrg.graph(), "blast-radius", "mlee", "--context", "aws:SourceIp");
        assertEquals(2, context.exit());
        assertTrue(context.err().contains("CONTEXT_INVALID"), context.err());
    }

    /** End to end with the real graph builder: the incident story of docs/sample-org.md. */
    @Test
    void theLeakedKeyReachesAdminAndTheProdDeployRole() throws Exception {
        Run r = run(null, "blast-radius", "AKIAZCONTRACTOR7LEAK", "--format", "json", "--fail-on", "admin");
        assertEquals(1, r.exit(), "--fail-on admin: the start can reach admin" + r.err());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertTrue(json.get("adminEquivalent").asBoolean() || json.get("canReachAdmin").asBoolean(), r.out());
        boolean prodDeploy = false;
        for (var reached : json.get("reachable")) {
            prodDeploy |= reached.get("arn").asText().equals("arn:aws:iam::222222222222:role/acme-deploy");
        }
        assertTrue(prodDeploy, "the cross-account deploy role in prod is reachable");
        Run who = run(null, "who-can", "s3:GetObject", "arn:aws:s3:::acme-prod-customer-data/exports/customers.csv");
        assertEquals(0, who.exit(), who.err());
        assertTrue(who.out().contains("acme-deploy"), who.out());
    }

    @Test
    void whoCanListsDirectAndThroughAPath() throws Exception {
        String data = "arn:aws:s3:::acme-prod-customer-data/exports/customers.csv";
        Run r = run(SampleOrg.graph(), "who-can", "s3:GetObject", data);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("role `" + SampleOrg.DEPLOY + "`"), r.out());
        assertTrue(r.out().contains("user `" + SampleOrg.CONTRACTOR + "` as `acme-deploy`, 2 hops"), r.out());
        JsonNode j = new ObjectMapper().readTree(run(SampleOrg.graph(), "who-can", "s3:GetObject", data,
                "--format", "json").out());
        boolean deployDirect = false;
        for (JsonNode e : j.path("direct")) {
            deployDirect |= e.path("arn").asText().equals(SampleOrg.DEPLOY);
        }
        assertTrue(deployDirect);
        JsonNode via = null;
        for (JsonNode e : j.path("viaPath")) {
            if (e.path("arn").asText().equals(SampleOrg.PPATEL)) {
                via = e;
            }
        }
        assertTrue(via != null, j.toPrettyString());
        assertEquals(SampleOrg.DEPLOY, via.path("through").asText());
        assertEquals(2, via.path("path").size());
        Run bad = run(SampleOrg.graph(), "who-can", "s3:GetObjekt", data);
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("ACTION_UNKNOWN") && bad.err().contains("s3:GetObject"), bad.err());
    }
}
