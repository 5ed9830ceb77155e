package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.analysis.SampleOrg;
import io.iamscope.cli.TrailCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials the logs do not hand out by key: the console sessions of a password the attacker set, and the role
 * sessions of an instance the attacker launched with an instance profile (src/test/resources/trail/console/, made
 * by policies-fixtures/sample-org/cloudtrail/generate.py).
 */
class TrailSessionsTest {
    static final String CONSOLE = "src/test/resources/trail/console";
    static final String INSTANCE_ROLE = SampleOrg.DEV + "role/ec2-admin-instance";

    private static List<String> hops(Run r) {
        List<String> out = new ArrayList<>();
        r.json().path("hops").forEach(h -> out.add(h.path("event").asText() + " " + h.path("credential").asText()
                + " " + h.path("to").asText() + " " + h.path("status").asText()));
        return out;
    }

    @Test
    void aPasswordTheAttackerSetIsFollowedToItsConsoleSessionsAndAnInstanceToItsRoleSessions() {
        Run r = TrailCommandTest.run("AKIAZCONTRACTOR7LEAK", "--logs", TrailCommandTest.LOGS, "--logs", CONSOLE,
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        List<String> hops = hops(r);
        assertTrue(hops.contains("CreateLoginProfile ASIAZPPATELCONSOLE01 " + SampleOrg.PPATEL + " same-principal"),
                hops.toString());
        // The sign-in itself has no key: it is known by the user's ARN, and holds the failed attempt before it.
        assertTrue(hops.contains("CreateLoginProfile " + SampleOrg.PPATEL + " " + SampleOrg.PPATEL + " same-principal"),
                hops.toString());
        assertTrue(hops.contains("RunInstances ASIAZEC2ADMININST001 " + INSTANCE_ROLE + " predicted"), hops.toString());
        assertTrue(r.values("principals", "arn").contains(INSTANCE_ROLE));
        List<String> keys = r.values("credentials", "key");
        // The organization's own instance of the same role, and mlee's console session: not the attacker's.
        assertFalse(keys.contains("ASIAZEC2ADMINORG0001"), keys.toString());
        assertFalse(keys.contains("ASIAZMLEECONSOLE0001"), keys.toString());
        assertTrue(r.values("changes", "target").contains("userName=svc-backup2"), r.out());
        JsonNode signIn = find(r.json().path("credentials"), SampleOrg.PPATEL);
        assertEquals(2, signIn.path("calls").asInt());
        assertEquals(0, signIn.path("denied").asInt());
        assertEquals("AKIAZPPATELPERSIST01", signIn.path("issuedBy").asText());
    }

    @Test
    void withoutThePasswordSetByTheAttackerTheConsoleSessionsAreNotItsNorTheirInstances(@TempDir Path dir)
            throws IOException {
        // The sample's logs with CreateLoginProfile made a read that hands nothing out (GetLoginProfile).
        Path logs = dir.resolve("logs");
        try (var files = Files.walk(Path.of(TrailCommandTest.LOGS))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().contains(".json")).toList()) {
                String text = new String(readMaybeGzipped(f), java.nio.charset.StandardCharsets.UTF_8);
                Path out = logs.resolve(Path.of(TrailCommandTest.LOGS).relativize(f).toString().replace(".gz", ""));
                Files.createDirectories(out.getParent());
                Files.writeString(out, text.replace("\"CreateLoginProfile\"", "\"GetLoginProfile\""));
            }
        }
        Run r = TrailCommandTest.run("AKIAZCONTRACTOR7LEAK", "--logs", logs.toString(), "--logs", CONSOLE,
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        List<String> keys = r.values("credentials", "key");
        assertTrue(keys.contains("AKIAZPPATELPERSIST01"), keys.toString());
        assertFalse(keys.contains("ASIAZPPATELCONSOLE01"), keys.toString());
        assertFalse(keys.contains(SampleOrg.PPATEL), keys.toString());
        assertFalse(keys.contains("ASIAZEC2ADMININST001"), keys.toString());
    }

    private static byte[] readMaybeGzipped(Path f) throws IOException {
        try (var in = f.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(Files.newInputStream(f))
                : Files.newInputStream(f)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aUserStartFollowsItsConsoleSessionsAndTheirInstances() {
        Run r = TrailCommandTest.run("admin-ppatel", "--logs", TrailCommandTest.LOGS, "--logs", CONSOLE,
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.values("credentials", "key").contains("ASIAZPPATELCONSOLE01"));
        assertEquals(List.of(SampleOrg.PPATEL, INSTANCE_ROLE), r.values("principals", "arn"));
    }

    @Test
    void aConsoleSessionBegunBeforeThePasswordWasSetIsNotFollowed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("early.json"), """
                {"Records":[{"eventTime":"2026-11-27T21:00:00Z","eventSource":"iam.amazonaws.com",
                 "eventName":"ListRoles","awsRegion":"us-east-1","sessionCredentialFromConsole":"true",
                 "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::333333333333:user/admin-ppatel",
                 "accountId":"333333333333","accessKeyId":"ASIAZPPATELEARLIER01"}}]}""");
        Run r = TrailCommandTest.run("AKIAZCONTRACTOR7LEAK", "--logs", TrailCommandTest.LOGS, "--logs", CONSOLE,
                "--logs", dir.toString(), "--format", "json");
        List<String> keys = r.values("credentials", "key");
        assertFalse(keys.contains("ASIAZPPATELEARLIER01"), keys.toString());
        assertTrue(keys.contains("ASIAZPPATELCONSOLE01"), keys.toString());
    }

    private static JsonNode find(JsonNode array, String key) {
        for (JsonNode n : array) {
            if (n.path("key").asText().equals(key)) {
                return n;
            }
        }
        throw new AssertionError(key + " not in " + array);
    }
}
