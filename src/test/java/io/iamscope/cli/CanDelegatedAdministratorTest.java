package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Organizations' delegated calls (ListAccounts answers "only from the organization's management account or a member
 * account designated as a delegated administrator", AWS Organizations API Reference: API operations by account) for
 * an administrator of member account 222222222222, as the organization export says of delegated administrators:
 * listed, allowed; a list without it, refused; no list, conditional on the fact nobody collected.
 */
class CanDelegatedAdministratorTest {
    private static final Path EXPORT = Path.of("src/test/resources/org-export");
    private static final String ADMIN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

    @TempDir
    Path dir;
    private Path snapshot;

    @BeforeEach
    void writeAccount() throws IOException {
        snapshot = dir.resolve("gaad.json");
        Files.writeString(snapshot, "{\"UserDetailList\":[{\"UserName\":\"alice\",\"UserId\":\"AIDAALICE00000000001\","
                + "\"Path\":\"/\",\"Arn\":\"arn:aws:iam::222222222222:user/alice\",\"UserPolicyList\":[{\"PolicyName\":"
                + "\"admin\",\"PolicyDocument\":" + ADMIN + "}]}],\"GroupDetailList\":[],\"RoleDetailList\":[],"
                + "\"Policies\":[]}");
    }

    private Path orgDir(String delegatedFile) throws IOException {
        Path org = dir.resolve("org");
        Files.createDirectories(org);
        try (Stream<Path> files = Files.list(EXPORT)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("list-delegated-administrators.json")) {
                    Files.copy(f, org.resolve(f.getFileName()));
                }
            }
        }
        if (delegatedFile != null) {
            Files.writeString(org.resolve("list-delegated-administrators.json"), delegatedFile);
        }
        return org;
    }

    private String listAccounts(Path org) {
        CliRun r = CliRun.of("can", "arn:aws:iam::222222222222:user/alice", "organizations:ListAccounts", "*",
                "--snapshot", snapshot.toString(), "--org-dir", org.toString());
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    @Test
    void aListedDelegatedAdministratorIsAllowedDefinitely() throws IOException {
        String out = listAccounts(orgDir(Files.readString(EXPORT.resolve("list-delegated-administrators.json"))));
        assertTrue(out.startsWith("Allow\n"), out);
    }

    @Test
    void aMemberMissingFromTheListIsRefused() throws IOException {
        String out = listAccounts(orgDir("{\"DelegatedAdministrators\":[]}"));
        assertTrue(out.startsWith("ExplicitDeny\n"), out);
        assertTrue(out.contains("ORGANIZATIONS_DELEGATED_ADMINISTRATOR"), out);
    }

    @Test
    void withoutTheListTheAnswerIsConditional() throws IOException {
        String out = listAccounts(orgDir(null));
        assertTrue(out.startsWith("Allow conditional on "), out);
        assertTrue(out.contains("unknown keys: iamscope:DelegatedAdministrator"), out);
    }
}
