package io.iamscope.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.Account;
import io.iamscope.model.OrgLevel;
import io.iamscope.model.Organization;
import io.iamscope.model.Role;
import io.iamscope.model.Snapshot;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotReaderTest {
    static final Path SAMPLE = Path.of("policies-fixtures/sample-org/snapshot.json");
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"444455556666\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String ALLOW = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

    @TempDir
    Path dir;

    static String gaad(String account, String trust, String policyDoc) {
        return "{\"UserDetailList\":[{\"UserName\":\"alice\",\"UserId\":\"AIDAALICE00000000001\",\"Path\":\"/\","
                + "\"Arn\":\"arn:aws:iam::" + account + ":user/alice\",\"GroupList\":[\"devs\"],"
                + "\"AttachedManagedPolicies\":[{\"PolicyArn\":\"arn:aws:iam::" + account + ":policy/s3all\"}]}],"
                + "\"GroupDetailList\":[{\"GroupName\":\"devs\",\"GroupId\":\"AGPADEVS000000000001\",\"Path\":\"/\","
                + "\"Arn\":\"arn:aws:iam::" + account + ":group/devs\",\"GroupPolicyList\":[{\"PolicyName\":\"g\","
                + "\"PolicyDocument\":" + policyDoc + "}]}],"
                + "\"RoleDetailList\":[{\"RoleName\":\"r\",\"RoleId\":\"AROAR000000000000001\",\"Path\":\"/\","
                + "\"Arn\":\"arn:aws:iam::" + account + ":role/r\",\"AssumeRolePolicyDocument\":" + trust + "}],"
                + "\"Policies\":[{\"Arn\":\"arn:aws:iam::" + account + ":policy/s3all\",\"DefaultVersionId\":\"v1\","
                + "\"PolicyVersionList\":[{\"VersionId\":\"v1\",\"IsDefaultVersion\":true,\"Document\":" + policyDoc
                + "}]}]}";
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsTheSampleSnapshotWithASummary() {
        ReadResult r = SnapshotReader.read(SAMPLE);
        Snapshot s = r.snapshot();
        assertEquals(1, s.formatVersion());
        assertEquals(3, s.accounts().size());
        assertTrue(s.principalCount() >= 40, "principals: " + s.principalCount());
        assertTrue(r.summary().get(0).startsWith("read " + SAMPLE + ": iamscope snapshot v1, 3 accounts, "),
                r.summary().get(0));
        assertNotNull(s.organization());
    }

    @Test
    void delegatedAdministratorsNotInTheSnapshotAreUnknownNotNone() throws IOException {
        assertEquals(Boolean.FALSE, SnapshotReader.read(SAMPLE).snapshot().organization()
                .isDelegatedAdministrator("222222222222"), "the sample organization has none");
        String org = "{\"id\":\"o-exmpl12345\",\"managementAccountId\":\"111111111111\",\"roots\":[{\"Id\":\"r-ex12\"}],"
                + "\"accounts\":[{\"Id\":\"222222222222\",\"ParentId\":\"r-ex12\"}],\"delegatedAdministrators\":%s}";
        String snapshot = "{\"format\":\"iamscope-snapshot\",\"version\":1,\"organization\":" + org
                + ",\"accounts\":[{\"accountId\":\"222222222222\",\"authorizationDetails\":"
                + gaad("222222222222", TRUST, ALLOW) + "}]}";
        assertNull(SnapshotReader.read(file("unknown.json", snapshot.formatted("null"))).snapshot().organization()
                .isDelegatedAdministrator("222222222222"), "not collected: unknown, not none");
        Organization none = SnapshotReader.read(file("none.json", snapshot.formatted("[]"))).snapshot().organization();
        assertEquals(Boolean.FALSE, none.isDelegatedAdministrator("222222222222"), "an empty list means none");
        Organization ids = SnapshotReader.read(file("ids.json", snapshot.formatted("[\"222222222222\"]"))).snapshot()
                .organization();
        assertEquals(Boolean.TRUE, ids.isDelegatedAdministrator("222222222222"), "plain account ids are read too");
        SnapshotException bad = assertThrows(SnapshotException.class,
                () -> SnapshotReader.read(file("bad.json", snapshot.formatted("[7]"))));
        assertTrue(bad.getMessage().contains("delegatedAdministrators/0"), bad.getMessage());
    }

    @Test
    void organizationChainsAreResolvedPerLevel() {
        Organization org = SnapshotReader.read(SAMPLE).snapshot().organization();
        List<OrgLevel> prod = org.levels("222222222222");
        assertEquals(List.of("r-acme", "ou-acme-workloads", "ou-acme-prod", "222222222222"),
                prod.stream().map(OrgLevel::targetId).toList());
        assertTrue(prod.get(1).scps().stream().anyMatch(p -> p.name().equals("RegionLock")));
        assertEquals(1, prod.get(0).rcps().size());
        assertEquals("o-acme123456/r-acme/ou-acme-workloads/ou-acme-prod/", org.orgPath("222222222222"));
    }

    @Test
    void readsGetAccountAuthorizationDetailsOutputAndTakesTheAccountFromArns() throws IOException {
        Snapshot s = SnapshotReader.read(file("gaad.json", gaad("444455556666", TRUST, ALLOW))).snapshot();
        Account a = s.accounts().get(0);
        assertEquals("444455556666", a.accountId());
        assertEquals(0, s.formatVersion());
        // Lenient: the Policies entry has no PolicyName or PolicyId.
        assertEquals("s3all", a.policies().get(0).name());
        assertNotNull(a.roles().get(0).trustPolicy());
    }

    @Test
    void readsTheRawApiFormWithUrlEncodedDocuments() throws IOException {
        String enc = "\"" + URLEncoder.encode(TRUST, StandardCharsets.UTF_8) + "\"";
        String encPolicy = "\"" + URLEncoder.encode(ALLOW, StandardCharsets.UTF_8) + "\"";
        String raw = "{\"GetAccountAuthorizationDetailsResult\":" + gaad("444455556666", enc, encPolicy) + "}";
        Snapshot s = SnapshotReader.read(file("raw.json", raw)).snapshot();
        Role r = s.accounts().get(0).roles().get(0);
        assertEquals("sts:AssumeRole", r.trustPolicy().statements().get(0).action().patterns().get(0));
        assertEquals(1, s.accounts().get(0).groups().get(0).inlinePolicies().size());
    }

    @Test
    void mergesOneFilePerAccountAndRefusesDuplicates() throws IOException {
        Path a = file("a.json", gaad("444455556666", TRUST, ALLOW));
        Path b = file("b.json", gaad("777788889999", TRUST, ALLOW));
        ReadResult r = SnapshotReader.read(List.of(a, b), null, null);
        assertEquals(2, r.snapshot().accounts().size());
        assertEquals(2, r.summary().size());
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> SnapshotReader.read(List.of(a, a), null, null));
        assertEquals("SNAPSHOT_DUPLICATE_ACCOUNT", e.code());
    }

    @Test
    void truncatedFileSaysSo() throws IOException {
        String text = Files.readString(SAMPLE);
        Path p = file("cut.json", text.substring(0, text.length() / 2));
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotReader.read(p));
        assertEquals("SNAPSHOT_TRUNCATED", e.code());
        assertTrue(e.getMessage().contains("file ends early: truncated?"), e.getMessage());
    }

    @Test
    void unknownVersionIsRefused() throws IOException {
        Path p = file("v9.json", "{\"format\":\"iamscope-snapshot\",\"version\":9,\"accounts\":[]}");
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotReader.read(p));
        assertEquals("SNAPSHOT_UNSUPPORTED_VERSION", e.code());
        assertTrue(e.getMessage().startsWith(p + " at /version: SNAPSHOT_UNSUPPORTED_VERSION: snapshot version `9`"),
                e.getMessage());
    }

    @Test
    void malformedPolicyNamesFileAndPointer() throws IOException {
        String bad = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Permit\",\"Action\":\"*\"}]}";
        Path p = file("bad.json", "{\"format\":\"iamscope-snapshot\",\"version\":1,\"accounts\":[{\"accountId\":"
                + "\"444455556666\",\"authorizationDetails\":" + gaad("444455556666", bad, ALLOW) + "}]}");
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotReader.read(p));
        assertEquals("POLICY_INVALID_EFFECT", e.code());
        assertTrue(e.getMessage().startsWith(p + " at /accounts/0/authorizationDetails/RoleDetailList/0/"
                + "AssumeRolePolicyDocument/Statement/0/Effect: POLICY_INVALID_EFFECT"), e.getMessage());
    }

    @Test
    void notASnapshotIsAClearError() throws IOException {
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> SnapshotReader.read(file("x.json", "{\"hello\":1}")));
        assertEquals("SNAPSHOT_UNKNOWN_FORMAT", e.code());
    }

    @Test
    void resourcesFileAttachesByArnAccountOrTheOnlyAccount() throws IOException {
        Path a = file("a.json", gaad("444455556666", TRUST, ALLOW));
        Path res = file("res.json", "[{\"arn\":\"arn:aws:s3:::bucket\",\"type\":\"AWS::S3::Bucket\",\"policy\":"
                + ALLOW.replace("\"Effect\"", "\"Principal\":\"*\",\"Effect\"") + "},"
                + "{\"arn\":\"arn:aws:sqs:us-east-1:444455556666:q\",\"type\":\"AWS::SQS::Queue\"}]");
        ReadResult r = SnapshotReader.read(List.of(a), res, null);
        assertEquals(2, r.snapshot().accounts().get(0).resources().size());
        assertEquals("read " + res + ": 2 resources", r.summary().get(1));

        Path b = file("b.json", gaad("777788889999", TRUST, ALLOW));
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> SnapshotReader.read(List.of(a, b), res, null));
        assertEquals("RESOURCE_ACCOUNT_UNKNOWN", e.code());
        assertTrue(e.getMessage().contains(" at /0: "), e.getMessage());
        Path withAccount = file("res2.json", "[{\"arn\":\"arn:aws:s3:::bucket\",\"account\":\"777788889999\"}]");
        Snapshot two = SnapshotReader.read(List.of(a, b), withAccount, null).snapshot();
        assertEquals(1, two.account("777788889999").resources().size());
    }

    @Test
    void readsAnOrganizationExportedWithTheAwsCli() throws IOException {
        Path a = file("a.json", gaad("222222222222", TRUST, ALLOW));
        ReadResult r = SnapshotReader.read(List.of(a), null, Path.of("src/test/resources/org-export"));
        Organization org = r.snapshot().organization();
        assertEquals("o-exmpl12345", org.id());
        assertEquals("111111111111", org.managementAccountId());
        List<OrgLevel> prod = org.levels("222222222222");
        assertEquals(List.of("r-ex12", "ou-ex12-11111111", "ou-ex12-22222222", "222222222222"),
                prod.stream().map(OrgLevel::targetId).toList());
        assertEquals(List.of("FullAWSAccess", "DenyIamUsers"),
                prod.get(1).scps().stream().map(p -> p.name()).toList());
        assertNull(org.levels("999999999999"));
        assertEquals(Boolean.TRUE, org.isDelegatedAdministrator("222222222222"), "list-delegated-administrators.json");
        assertEquals(Boolean.FALSE, org.isDelegatedAdministrator("333333333333"));
        assertTrue(r.summary().get(1).contains("organization `o-exmpl12345`, 2 accounts, 2 OUs, 2 policies"),
                r.summary().get(1));
    }
}
