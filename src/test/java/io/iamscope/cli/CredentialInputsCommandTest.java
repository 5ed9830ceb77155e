package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --access-keys} and {@code --credential-report} on every analysis command. The snapshot is an
 * authorization-details export (no key listed): the attacker may create an access key for `victim`; given the
 * victim's {@code list-access-keys} output (two keys, one inactive) or a credential report showing two active
 * keys, IAM's quota stops that (IAM User Guide, "IAM and AWS STS quotas"). The attacker's own key id resolves
 * as a start, and the keys reached feed the hunting queries; a key of a user the snapshot lacks is a warning.
 */
class CredentialInputsCommandTest {
    private static final String SNAPSHOT = "src/test/resources/techniques/iam-create-access-key/positive-keys-not-listed.json";
    private static final String DIR = "src/test/resources/credentials/cli/";
    private static final String KEYS = DIR + "list-access-keys.json";
    private static final String REPORT = DIR + "credential-report.csv";
    private static final String ATTACKER = "arn:aws:iam::111111111111:user/attacker";
    private static final String VICTIM = "arn:aws:iam::111111111111:user/victim";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--snapshot");
        all.add(SNAPSHOT);
        return CliRun.of(all);
    }

    private static CliRun ok(String... args) {
        CliRun r = run(args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    @Test
    void blastRadiusStartsFromAKeyIdOfTheFileAndHuntsTheKeys() throws IOException {
        CliRun r = ok("blast-radius", "AKIAATTACKERKEY00001", "--access-keys", KEYS, "--format", "json");
        JsonNode b = JSON.readTree(r.out());
        assertEquals(ATTACKER, b.get("start").get("arn").asText());
        String queries = b.get("huntingQueries").toString() + b.get("huntTargets");
        assertTrue(queries.contains("AKIAATTACKERKEY00001"), queries);
        assertTrue(r.err().contains("iamscope: warning: access key `AKIADEPARTEDKEY00001` of user `departed`"),
                r.err());
        // Without the file the key id is unknown: an input error, with no stack trace.
        CliRun unknown = run("blast-radius", "AKIAATTACKERKEY00001");
        assertEquals(ExitCodes.INPUT_ERROR, unknown.exit());
        assertFalse(unknown.err().contains("\tat "), unknown.err());
    }

    @Test
    void blastRadiusHuntsTheKeysOfUsersReached() throws IOException {
        // One key of the victim's only: the victim has a free slot, the attacker reaches it, and its key is hunted.
        CliRun r = ok("blast-radius", "attacker", "--access-keys", DIR + "victim-one-key.json", "--format", "json");
        String queries = JSON.readTree(r.out()).get("huntTargets").toString();
        assertTrue(queries.contains("AKIAVICTIMKEY0000001"), queries);
    }

    @Test
    void pathsAndGraphCountTheKeysOfTheFileAndOfTheReport() throws IOException {
        assertTrue(reachesVictim(), "without the files the count is unknown and a free slot assumed");
        assertFalse(reachesVictim("--access-keys", KEYS), "two keys listed (one inactive): the quota is full");
        assertFalse(reachesVictim("--credential-report", REPORT), "two active keys reported: the quota is full");
        String dot = ok("graph", "--access-keys", KEYS, "--credential-report", REPORT).out();
        assertFalse(dot.contains("iam-create-access-key"), dot);
    }

    private static boolean reachesVictim(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("paths", "attacker", "--to", VICTIM, "--format", "json"));
        args.addAll(List.of(options));
        return !JSON.readTree(ok(args.toArray(String[]::new)).out()).get("paths").isEmpty();
    }

    @Test
    void whoCanCanAndBenchTakeBothOptions() {
        CliRun who = ok("who-can", "iam:CreateAccessKey", VICTIM, "--access-keys", KEYS, "--credential-report", REPORT);
        assertTrue(who.out().contains("attacker"), who.out());
        assertTrue(who.err().contains("credential report, 4 rows"), who.err());
        CliRun can = ok("can", "AKIAATTACKERKEY00001", "iam:CreateAccessKey", VICTIM, "--access-keys", KEYS);
        assertTrue(can.out().contains("Allow"), can.out());
        ok("bench", "--access-keys", KEYS, "--credential-report", REPORT);
    }

    @Test
    void aReportRowOfAnUnknownUserIsAWarning() {
        CliRun r = ok("paths", "attacker", "--to", "admin", "--credential-report", REPORT);
        assertTrue(r.err().contains("iamscope: warning: credential report " + REPORT + ": user `departed`"), r.err());
    }

    @Test
    void badFilesExitTwoNamingTheFileAndThePointer() {
        CliRun keys = run("paths", "attacker", "--to", "admin", "--access-keys", DIR + "missing-key-id.json");
        assertEquals(ExitCodes.INPUT_ERROR, keys.exit());
        assertTrue(keys.err().contains("missing-key-id.json") && keys.err().contains("/0/AccessKeyMetadata/0"),
                keys.err());
        assertTrue(keys.err().contains("`AccessKeyId` is required"), keys.err());
        CliRun report = run("who-can", "iam:CreateAccessKey", VICTIM, "--credential-report", KEYS);
        assertEquals(ExitCodes.INPUT_ERROR, report.exit());
        assertTrue(report.err().contains("CREDENTIAL_REPORT_UNKNOWN_FORMAT") || report.err().contains("not a credential"
                + " report"), report.err());
        assertTrue(report.err().contains("list-access-keys.json"), report.err());
        CliRun missing = run("blast-radius", "attacker", "--access-keys", DIR + "no-such-file.json");
        assertEquals(ExitCodes.INPUT_ERROR, missing.exit());
        assertTrue(missing.err().contains("no-such-file.json"), missing.err());
        for (CliRun r : List.of(keys, report, missing)) {
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        }
    }
}
