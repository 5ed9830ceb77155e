package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.analysis.SampleOrg;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code iamscope trail} on the sample organization's logs (policies-fixtures/sample-org/cloudtrail/). */
class TrailCommandTest {
    static final String LOGS = "policies-fixtures/sample-org/cloudtrail";
    static final String UNPREDICTED = "src/test/resources/trail/unpredicted";

    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError(out, e);
            }
        }

        List<String> values(String array, String field) {
            return StreamSupport.stream(json().path(array).spliterator(), false).map(n -> n.path(field).asText())
                    .toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("trail"));
        all.addAll(List.of(args));
        all.addAll(List.of("--snapshot", SampleOrg.SNAPSHOT));
        return new Run(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void followsTheLeakedKeyThroughAssumeRoleAndCreateAccessKey() {
        Run r = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(SampleOrg.CONTRACTOR, SampleOrg.BREAK_GLASS, SampleOrg.PPATEL, SampleOrg.CI,
                SampleOrg.DEPLOY), r.values("principals", "arn"));
        // The key created for admin-ppatel, then used: followed; the organization's own calls are not.
        List<String> keys = r.values("credentials", "key");
        assertTrue(keys.contains("AKIAZPPATELPERSIST01"), keys.toString());
        assertFalse(keys.contains("ASIAZGITHUBACTIONS01"), keys.toString());
        assertFalse(keys.contains("AKIADEVMLEE000000001"), keys.toString());
        assertEquals(List.of("predicted", "predicted", "predicted", "predicted"), r.values("hops", "status"));
        // The hop into prod is the graph's cross-account assume edge.
        JsonNode prod = r.json().path("hops").get(3);
        assertEquals(SampleOrg.DEPLOY, prod.path("to").asText());
        assertEquals("assume-role", prod.path("graphPath").get(0).path("technique").asText());
        assertTrue(r.values("changes", "action").contains("iam:CreatePolicyVersion"));
        assertTrue(r.values("resources", "arn").contains("arn:aws:s3:::acme-prod-customer-data/exports/customers.csv"));
    }

    @Test
    void aRoleStartFollowsEveryCredentialOfTheRole() {
        Run r = run("acme-deploy", "--logs", LOGS, "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(SampleOrg.DEPLOY), r.values("principals", "arn"));
        assertEquals(4, r.json().path("summary").path("calls").asInt());
    }

    @Test
    void aHopTheGraphDidNotPredictIsFlaggedAndExits1() {
        Run r = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--logs", UNPREDICTED);
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("!! OUTSIDE THE PREDICTION"), r.out());
        assertTrue(r.out().contains("AssumeRole `acme-deploy` -> `break-glass-prod`"), r.out());
        assertTrue(r.out().contains("!! NOT PREDICTED by the graph"), r.out());
    }

    /** {@code --format html}: one self-contained page, the same answer and exit code as the text. */
    @Test
    void htmlIsOnePageWithTheSameAnswerAndExitCode() {
        Run r = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--logs", UNPREDICTED, "--format", "html");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().startsWith("<!DOCTYPE html>"), r.out());
        assertTrue(r.out().strip().endsWith("</html>"));
        assertTrue(r.out().contains("<section class=\"verdict bad\" id=\"verdict\">"), r.out());
        assertTrue(r.out().contains("ANSWER: the attacker acted as 6 principal(s)"), r.out());
        assertTrue(r.out().contains("<g class=\"edge walked unexpected\""), r.out());
        Run plain = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--format", "html");
        assertEquals(0, plain.exit(), plain.err());
        // Changes to revoke, nothing outside the prediction, no blinding that worked: amber.
        assertTrue(plain.out().contains("<section class=\"verdict warn\" id=\"verdict\">"), plain.out());
        assertFalse(plain.out().contains("id=\"outside\""));
    }

    /**
     * A successful call the snapshot says its principal could not make, before any change of the attacker's: a
     * stale snapshot, missing data or a missed permission, flagged and exit 1. Calls after the attacker's changes
     * are asked with the changes made before them applied: the contractor's ListUsers at 21:56:10, refused at 21:53:30
     * and allowed by the policy version of 21:55, is not flagged; none of the sample's is.
     */
    @Test
    void aCallTheSnapshotSaysCouldNotSucceedIsFlagged() {
        Run plain = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--format", "json");
        assertEquals(0, plain.json().path("summary").path("unexplainedCalls").asInt(), plain.out());
        assertEquals(3, plain.json().path("summary").path("changesApplied").asInt());
        // Event names that are not IAM actions (s3:ListBuckets, s3:ListObjectsV2): every other action is asked.
        assertEquals(2, plain.json().path("summary").path("actionsNotChecked").asInt(), plain.out());
        Run r = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--logs", "src/test/resources/trail/unexplained");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("!! `ext-contractor-jdoe` made secretsmanager:GetSecretValue succeed 1 time(s) (on"
                + " `arn:aws:secretsmanager:us-east-1:222222222222:secret:payments/db-AbCdEf`), which the snapshot says"
                + " it cannot"), r.out());
    }

    @Test
    void aMalformedFileIsAWarningAndTheRestIsRead(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\"Records\": [{\"eventName\": \"ListUsers\"");
        Run r = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--logs", bad.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("iamscope: warning: " + bad + " at /Records/0: unreadable"), r.err());
        assertTrue(r.out().contains("5 file(s), 26 record(s) read, 1 skipped (WARNINGS below)"), r.out());
    }

    @Test
    void theWindowCutsTheChain() {
        Run r = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--since", "2026-11-27T22:05:00Z", "--until",
                "2026-11-28", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(9, r.json().path("logs").path("records").asInt());
        assertEquals(17, r.json().path("logs").path("outsideWindow").asInt());
        // dev-break-glass's session was handed out before the window: not followed; ci-deployer's was inside.
        assertEquals(List.of(SampleOrg.CONTRACTOR, SampleOrg.CI, SampleOrg.DEPLOY), r.values("principals", "arn"));
        // The policy version made at 21:55, before the window, is not seen: nothing is held against the snapshot.
        assertTrue(r.json().path("summary").path("windowHidesChanges").asBoolean(), r.out());
        assertEquals(0, r.json().path("summary").path("unexplainedCalls").asInt(), r.out());
        // Only the changes in the window would be applied (none is: the key for admin-ppatel came at 22:03), and the
        // comparison says the others are not seen.
        assertEquals(0, r.json().path("afterChanges").path("changesApplied").asInt(), r.out());
        assertTrue(r.json().path("afterChanges").path("comparison").path("warnings").get(0).asText()
                .startsWith("the window (--since) hides the changes made before it"), r.out());
    }

    @Test
    void badInputIsOneLineAndExit2() {
        Run missing = run("AKIAZCONTRACTOR7LEAK", "--logs", "no/such/logs");
        assertEquals(2, missing.exit());
        assertEquals("iamscope: no/such/logs: no such file or folder (--logs)", missing.err().strip());
        Run time = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--since", "last tuesday");
        assertEquals(2, time.exit());
        assertEquals(1, time.err().strip().lines().count(), time.err());
        assertTrue(time.err().contains("--since `last tuesday` is not a time"), time.err());
        Run order = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--since", "2026-11-28", "--until", "2026-11-27");
        assertEquals(2, order.exit());
        Run nobody = run("AKIANOBODY0000000000", "--logs", LOGS);
        assertEquals(2, nobody.exit());
        assertTrue(nobody.err().contains("ACCESS_KEY_NOT_FOUND"), nobody.err());
        assertFalse(nobody.err().contains("\tat "), nobody.err());
        Run noLogs = run("AKIAZCONTRACTOR7LEAK");
        assertEquals(2, noLogs.exit());
    }

    static final String GLASS = """
            {"type":"AssumedRole","arn":"arn:aws:sts::333333333333:assumed-role/dev-break-glass/jdoe-debug",
             "accountId":"333333333333","accessKeyId":"ASIAZDEVBREAKGLASS01","sessionContext":{"sessionIssuer":
             {"type":"Role","arn":"arn:aws:iam::333333333333:role/dev-break-glass","accountId":"333333333333"}}}""";

    /** CreateUser and a key for the new user by the break-glass session; a session token of the new user. */
    static final String MORE = """
            {"Records":[
             {"eventTime":"2026-11-27T22:05:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser",
              "awsRegion":"us-east-1","userIdentity":%1$s,"requestParameters":{"userName":"backup-svc"}},
             {"eventTime":"2026-11-27T22:05:10Z","eventSource":"iam.amazonaws.com","eventName":"CreateAccessKey",
              "awsRegion":"us-east-1","userIdentity":%1$s,"requestParameters":{"userName":"backup-svc"},
              "responseElements":{"accessKey":{"userName":"backup-svc","accessKeyId":"AKIAZBACKUPSVC000001"}}},
             {"eventTime":"2026-11-27T22:30:00Z","eventSource":"sts.amazonaws.com","eventName":"GetSessionToken",
              "awsRegion":"us-east-1","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::333333333333:user/backup-svc",
              "accountId":"333333333333","accessKeyId":"AKIAZBACKUPSVC000001"},
              "responseElements":{"credentials":{"accessKeyId":"ASIAZBACKUPSVCTOKEN1"}}},
             {"eventTime":"2026-11-27T22:31:00Z","eventSource":"s3.amazonaws.com","eventName":"ListBuckets",
              "awsRegion":"us-east-1","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::333333333333:user/backup-svc",
              "accountId":"333333333333","accessKeyId":"ASIAZBACKUPSVCTOKEN1"}}]}""";

    @Test
    void aPrincipalCreatedInTheWindowAndItsSessionTokenAreFollowed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("more.json"), MORE.formatted(GLASS));
        Run r = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--logs", dir.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> statuses = new ArrayList<>();
        r.json().path("hops").forEach(h -> statuses.add(h.path("credential").asText() + " " + h.path("status").asText()));
        assertTrue(statuses.contains("AKIAZBACKUPSVC000001 created-in-window"), statuses.toString());
        assertTrue(statuses.contains("ASIAZBACKUPSVCTOKEN1 same-principal"), statuses.toString());
        assertTrue(r.values("principals", "arn").contains("arn:aws:iam::333333333333:user/backup-svc"));
        assertEquals(0, r.json().path("summary").path("unpredictedHops").asInt());
    }

    static final String PERSISTENCE = "src/test/resources/trail/persistence";

    /**
     * The sample's changes applied as {@code check} applies a plan's: the policy version, the trust edit and the
     * key for admin-ppatel (the login profile changes no permission); the attacker now holds an administrator's key.
     */
    @Test
    void theAttackersChangesAreAppliedAndTheAccessTheyBoughtShown() {
        Run r = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--format", "json");
        JsonNode after = r.json().path("afterChanges");
        assertEquals(3, after.path("changesApplied").asInt(), r.out());
        assertEquals("2026-11-27T22:03:00Z", after.path("lastApplied").asText());
        List<String> written = new ArrayList<>();
        after.path("comparison").path("changes").forEach(c -> written.add(c.path("kind").asText() + " "
                + c.path("what").asText() + " of " + c.path("subject").asText()));
        assertTrue(written.contains("changed trust policy of arn:aws:iam::333333333333:role/dev-break-glass"),
                written.toString());
        assertTrue(written.contains("added access key of " + SampleOrg.PPATEL), written.toString());
        List<String> held = new ArrayList<>();
        after.path("held").forEach(h -> held.add(h.path("principal").asText() + " " + h.path("how").asText() + " "
                + h.path("after").asText()));
        assertEquals(List.of(SampleOrg.CONTRACTOR + " start REACHES_ADMIN",
                SampleOrg.PPATEL + " CreateAccessKey AKIAZPPATELPERSIST01 ADMIN",
                SampleOrg.PPATEL + " CreateLoginProfile ADMIN"), held);
        Run text = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS);
        assertTrue(text.out().contains("AFTER THE ATTACKER'S CHANGES (3 change(s) applied, the last at"
                + " 2026-11-27T22:03:00Z)"), text.out());
    }

    /**
     * A policy document cut short in the log stands for what it could hold, conditionally: helpdesk-rsingh's new
     * access shows, and its ListRoles (which the snapshot refuses it) is not flagged; the contractor's read of the
     * prod secret after the changes still is.
     */
    @Test
    void aDocumentTheLogsDoNotCarryIsConditionalNotNothing() {
        Run r = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--logs", PERSISTENCE, "--format", "json");
        assertEquals(1, r.exit(), r.err());
        JsonNode after = r.json().path("afterChanges");
        assertEquals("[\"cloudtrail:PutUserPolicy.20261127T222000Z.policyDocument\"]",
                after.path("unknownKeys").toString());
        List<String> gained = new ArrayList<>();
        after.path("comparison").path("principals").forEach(p -> gained.add(p.path("arn").asText() + " "
                + p.path("after").asText()));
        assertTrue(gained.contains("arn:aws:iam::333333333333:user/helpdesk-rsingh ADMIN"), gained.toString());
        List<String> flagged = r.values("unexplainedCalls", "action");
        assertEquals(List.of("secretsmanager:GetSecretValue"), flagged, r.out());
        assertTrue(r.json().path("unexplainedCalls").get(0).path("decision").asText()
                .contains("with the attacker's 5 change(s) before it applied"), r.out());
    }

    /** {@code --as-of T}: the changes at or before T; the prediction (hops, reach) is the snapshot's either way. */
    @Test
    void asOfAppliesTheChangesUpToThatTime() {
        Run before = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--as-of", "2026-11-27T22:00:00Z", "--format",
                "json");
        JsonNode b = before.json().path("afterChanges");
        assertEquals(1, b.path("changesApplied").asInt(), before.out());
        assertEquals(2, b.path("pending").asInt());
        assertFalse(b.path("comparison").toString().contains("dev-break-glass"), b.toString());
        Run at = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--as-of", "2026-11-27T22:01:30Z", "--format", "json");
        assertEquals(2, at.json().path("afterChanges").path("changesApplied").asInt());
        assertTrue(at.json().path("afterChanges").path("comparison").toString().contains("dev-break-glass"));
        assertEquals(before.values("hops", "status"), at.values("hops", "status"));
        Run none = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--as-of", "2026-11-27");
        assertTrue(none.out().contains("AFTER THE ATTACKER'S CHANGES (as of 2026-11-27T00:00:00Z: 0 change(s) applied,"
                + " 3 later not applied)"), none.out());
        Run bad = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--as-of", "tonight");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--as-of `tonight` is not a time"), bad.err());
    }

    @Test
    void aSessionArnStartFollowsThatSessionOnly() {
        Run r = run("arn:aws:sts::333333333333:assumed-role/ci-deployer/pipeline-debug", "--logs", LOGS,
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("ASIAZDEVCIDEPLOYER01", "ASIAZPRODACMEDEPLOY1"), r.values("credentials", "key"));
    }

    @Test
    void theReportDoesNotDependOnTheThreadsReadingTheFiles() {
        Run one = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--logs", UNPREDICTED, "--threads", "1");
        Run four = run("AKIAZCONTRACTOR7LEAK", "--logs", LOGS, "--logs", UNPREDICTED, "--threads", "4");
        assertEquals(one.out(), four.out());
    }
}
