package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.collect.AwsStubs;
import io.iamscope.collect.CollectOptions;
import io.iamscope.collect.Collector;
import io.iamscope.collect.Progress;
import io.iamscope.collect.call.AwsClients;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** {@code iamscope collect} end to end: the default credential chain (system properties) and WireMock. */
class CollectCommandTest {
    @TempDir
    Path dir;

    private AwsStubs aws;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void start() {
        aws = new AwsStubs();
        System.setProperty("aws.accessKeyId", "AKIATESTCLI");
        System.setProperty("aws.secretAccessKey", "cli-secret");
    }

    @AfterEach
    void stop() {
        aws.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
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

    @Test
    void writesTheSnapshotAndExitsZero() throws IOException {
        Path out = dir.resolve("snapshot.json");
        Run r = run("collect", "--endpoint-url", aws.endpoint().toString(), "--regions", "us-east-1",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode snap = new ObjectMapper().readTree(out.toFile());
        assertEquals("iamscope-snapshot", snap.get("format").asText());
        assertEquals(AwsStubs.ACCOUNT, snap.at("/accounts/0/accountId").asText());
        assertTrue(r.err().contains("wrote `" + out + "`: 1 account(s), 0 resource(s)"), r.err());
        assertFalse(r.err().contains("AKIATESTCLI") || r.err().contains("cli-secret"), "never log credentials");
    }

    @Test
    void theAccountsKeptForResumingAreRemovedOnceTheSnapshotIsWrittenAndOtherOptionsCannotResume() {
        Path out = dir.resolve("snapshot.json");
        Path partial = dir.resolve("snapshot.json.partial");
        Run first = run("collect", "--endpoint-url", aws.endpoint().toString(), "--regions", "us-east-1",
                "--out", out.toString());
        assertEquals(0, first.exit(), first.err());
        assertFalse(Files.exists(partial), "nothing is left beside the snapshot");

        // A run that never wrote its snapshot (interrupted) leaves its folder; resuming it with other regions is
        // refused, naming the manifest.
        new Collector(new CollectOptions(null, "us-east-1", aws.endpoint(), false, null, List.of("us-east-1"), 1,
                partial, false), Progress.NONE, StaticCredentialsProvider.create(AwsBasicCredentials.create(
                "AKIATESTCLI", "cli-secret")), AwsClients.adaptiveRetries()).run();
        assertTrue(Files.exists(partial.resolve("manifest.json")));
        Run other = run("collect", "--endpoint-url", aws.endpoint().toString(), "--regions", "eu-west-1",
                "--out", out.toString(), "--resume");
        assertEquals(2, other.exit(), other.err());
        assertTrue(other.err().contains("COLLECT_RESUME_MISMATCH") || other.err().contains("other options"),
                other.err());
        assertTrue(other.err().contains(partial.resolve("manifest.json").toString()), other.err());
        assertEquals(1, other.err().lines().count(), other.err());
    }

    @Test
    void gapsAreReportedAndTheSnapshotIsStillWritten() {
        aws.stub(AwsStubs.json("TrentService.ListKeys"), AwsStubs.jsonError(400, "AccessDeniedException", "denied"));
        Path out = dir.resolve("snapshot.json");
        Run r = run("collect", "--quiet", "--endpoint-url", aws.endpoint().toString(), "--regions", "us-east-1",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(out));
        assertTrue(r.err().contains("1 gap(s)"), r.err());
        assertTrue(r.err().contains("gap " + AwsStubs.ACCOUNT + " kms:ListKeys AccessDeniedException: 1 call in"
                + " us-east-1: denied"), r.err());
    }

    @Test
    void unreachableEndpointIsOneLineAndExitThree() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path out = dir.resolve("snapshot.json");
        Run r = run("collect", "--endpoint-url", "http://localhost:" + port, "--regions", "us-east-1",
                "--out", out.toString());
        assertEquals(3, r.exit(), r.err());
        assertEquals(1, r.err().trim().split("\n").length, r.err());
        assertTrue(r.err().startsWith("iamscope: UNREACHABLE: cannot reach aws at `http://localhost:" + port + "`"),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void assumeRoleNameNeedsOrg() {
        Run r = run("collect", "--assume-role-name", "Audit", "--out", dir.resolve("s.json").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("iamscope: `--assume-role-name` needs `--org`"), r.err());
    }

    @Test
    void invalidEndpointIsAUsageError() {
        Run r = run("collect", "--endpoint-url", "localhost:4566", "--out", dir.resolve("s.json").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("iamscope: invalid `--endpoint-url` `localhost:4566`"), r.err());
    }
}
