package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * The attacker's context follows the hop (src/test/resources/graph/credential-context/, written by generate.py
 * there; each case cites its AWS source): the stolen user keys carry neither {@code aws:TokenIssueTime} nor
 * {@code aws:MultiFactorAuthPresent}, a role session assumed with them carries both (the MFA key false). On
 * each fixture, {@code paths --to admin}, {@code blast-radius}, {@code who-can} and {@code can} (asked for the
 * principal holding the guard) give the verdict of the fixture.
 */
class CredentialContextTest {
    private static final Path DIR = Path.of("src/test/resources/graph/credential-context");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ATTACKER = "arn:aws:iam::111111111111:user/attacker";
    private static final String ROLE = "arn:aws:iam::111111111111:role/guarded";
    private static final String TARGET = "arn:aws:iam::111111111111:user/new";

    @TestFactory
    Stream<DynamicTest> everyCommandGivesTheFixturesVerdict() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : JSON.readTree(DIR.resolve("cases.json").toFile())) {
            String name = c.get("snapshot").asText();
            boolean admin = c.get("admin").asBoolean();
            String why = name + ": " + c.get("why").asText();
            Path snapshot = DIR.resolve(name);
            String holder = name.startsWith("user-") ? ATTACKER : ROLE;
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertEquals(admin, !JSON.readTree(run("paths", ATTACKER, "--to", "admin", "--snapshot",
                        snapshot.toString(), "--format", "json")).get("paths").isEmpty(), "paths: " + why);
                assertEquals(admin, JSON.readTree(run("blast-radius", ATTACKER, "--snapshot", snapshot.toString(),
                        "--format", "json")).get("canReachAdmin").asBoolean(), "blast-radius: " + why);
                JsonNode whoCan = JSON.readTree(run("who-can", "iam:CreateUser", TARGET, "--snapshot",
                        snapshot.toString(), "--format", "json"));
                assertEquals(admin, names(whoCan.get("direct")).contains(ATTACKER)
                        || names(whoCan.get("viaPath")).contains(ATTACKER), "who-can: " + why + "\n" + whoCan);
                JsonNode can = JSON.readTree(run("can", holder, "iam:CreateUser", TARGET, "--snapshot",
                        snapshot.toString(), "--format", "json"));
                assertEquals(admin, "Allow".equals(can.get("decision").asText()) && can.get("condition").isNull(),
                        "can: " + why + "\n" + can);
            }));
        }
        return tests.stream();
    }

    private static List<String> names(JsonNode entries) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.get("arn").asText()));
        return out;
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        assertEquals(0, exit, String.join(" ", args) + ": " + err);
        return out.toString();
    }
}
