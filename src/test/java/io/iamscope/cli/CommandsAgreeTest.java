package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every analysis command asks the same question the same way: one set of inputs, one default attacker. On the
 * positive fixture of every technique, rewritten so that every identity-based Allow requires TLS
 * ({@code aws:SecureTransport}; the stolen-keys attacker calls AWS over TLS), {@code paths --to admin} finds a
 * path exactly where {@code blast-radius} says the start can reach admin, and the verdicts are those of the
 * fixture as written. (The graph commands once had an attacker of their own that left the key absent: there,
 * {@code paths} answered "no path" where {@code blast-radius} found a one-hop escalation.)
 */
class CommandsAgreeTest {
    private static final Path TECHNIQUES = Path.of("src/test/resources/techniques");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> pathsFindAdminExactlyWhereBlastRadiusSaysSo() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(TECHNIQUES)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                for (JsonNode c : JSON.readTree(dir.resolve("cases.json").toFile())) {
                    if (c.get("reported").asBoolean()) {
                        Path snapshot = dir.resolve(c.get("snapshot").asText());
                        String from = c.get("from").asText();
                        tests.add(DynamicTest.dynamicTest(dir.getFileName() + "/" + snapshot.getFileName(),
                                () -> agree(snapshot, from)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void agree(Path snapshot, String from) throws IOException {
        Path tls = tmp.resolve(snapshot.getParent().getFileName() + "-" + snapshot.getFileName());
        ObjectNode root = (ObjectNode) JSON.readTree(snapshot.toFile());
        requireTls(root);
        JSON.writeValue(tls.toFile(), root);
        boolean blast = blastReachesAdmin(tls, from);
        boolean paths = pathsReachAdmin(tls, from);
        assertEquals(blast, paths, "paths --to admin and blast-radius disagree on `" + from + "`");
        assertEquals(pathsReachAdmin(snapshot, from), paths, "requiring TLS changed the verdict for the stolen-keys"
                + " attacker");
    }

    private static boolean blastReachesAdmin(Path snapshot, String from) throws IOException {
        return JSON.readTree(run("blast-radius", from, "--snapshot", snapshot.toString(), "--format", "json"))
                .get("canReachAdmin").asBoolean();
    }

    private static boolean pathsReachAdmin(Path snapshot, String from) throws IOException {
        JsonNode paths = JSON.readTree(run("paths", from, "--to", "admin", "--snapshot", snapshot.toString(),
                "--format", "json")).get("paths");
        return !paths.isEmpty();
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

    /** Adds {@code Bool aws:SecureTransport true} to every Allow of every identity-based policy of the snapshot. */
    private static void requireTls(ObjectNode snapshot) {
        for (JsonNode account : snapshot.get("accounts")) {
            JsonNode details = account.get("authorizationDetails");
            for (String list : List.of("UserDetailList", "GroupDetailList", "RoleDetailList")) {
                for (JsonNode principal : details.path(list)) {
                    for (String inline : List.of("UserPolicyList", "GroupPolicyList", "RolePolicyList")) {
                        principal.path(inline).forEach(p -> requireTls(p.get("PolicyDocument")));
                    }
                }
            }
            for (JsonNode policy : details.path("Policies")) {
                policy.path("PolicyVersionList").forEach(v -> requireTls(v.get("Document")));
            }
        }
    }

    private static void requireTls(JsonNode document) {
        JsonNode statements = document.get("Statement");
        List<JsonNode> each = new ArrayList<>();
        if (statements instanceof ArrayNode array) {
            array.forEach(each::add);
        } else {
            each.add(statements);
        }
        for (JsonNode s : each) {
            if ("Allow".equals(s.path("Effect").asText())) {
                ObjectNode condition = s.has("Condition") ? (ObjectNode) s.get("Condition")
                        : ((ObjectNode) s).putObject("Condition");
                ObjectNode bool = condition.has("Bool") ? (ObjectNode) condition.get("Bool")
                        : condition.putObject("Bool");
                bool.put("aws:SecureTransport", "true");
            }
        }
    }
}
