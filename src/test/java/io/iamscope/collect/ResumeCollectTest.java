package io.iamscope.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.iamscope.collect.AwsStubs.iam;
import static io.iamscope.collect.AwsStubs.json;
import static io.iamscope.collect.AwsStubs.ok;
import static io.iamscope.collect.AwsStubs.query;
import static io.iamscope.collect.AwsStubs.queryResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.model.io.SnapshotException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collect --resume} (issue #22, item 16): an organization-wide collection interrupted after some accounts
 * goes on from the accounts it finished, and writes the snapshot an uninterrupted run writes.
 */
class ResumeCollectTest {
    private static final String ORG = "AWSOrganizationsV20161128.";
    private static final List<String> MEMBERS = List.of("444455556666", "777788889999", "222233334444");

    private final AwsStubs aws = new AwsStubs();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        aws.close();
    }

    /** The management account (the caller) and three members, each with a user of its own. */
    private void stubOrganization() {
        aws.stub(json(ORG + "DescribeOrganization"), ok("{\"Organization\":{\"Id\":\"o-a1b2c3d4e5\","
                + "\"MasterAccountId\":\"" + AwsStubs.ACCOUNT + "\"}}"));
        aws.stub(json(ORG + "ListRoots"), ok("{\"Roots\":[{\"Id\":\"r-ab12\",\"Name\":\"Root\"}]}"));
        aws.stub(json(ORG + "ListOrganizationalUnitsForParent"), ok("{\"OrganizationalUnits\":[]}"));
        StringBuilder accounts = new StringBuilder("{\"Id\":\"" + AwsStubs.ACCOUNT + "\",\"Status\":\"ACTIVE\"}");
        for (String m : MEMBERS) {
            accounts.append(",{\"Id\":\"").append(m).append("\",\"Status\":\"ACTIVE\"}");
        }
        aws.stub(json(ORG + "ListAccountsForParent"), ok("{\"Accounts\":[" + accounts + "]}"));
        aws.stub(json(ORG + "ListPolicies"), ok("{\"Policies\":[]}"));
        aws.stub(json(ORG + "ListDelegatedAdministrators"), ok("{\"DelegatedAdministrators\":[]}"));
        for (String m : MEMBERS) {
            aws.stub(query("AssumeRole").withRequestBody(containing(m)), queryResult("AssumeRole",
                    "https://sts.amazonaws.com/doc/2011-06-15/", "<Credentials><AccessKeyId>ASIA" + m
                            + "</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>"
                            + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>"
                            + "arn:aws:sts::" + m + ":assumed-role/Audit/iamscope-collect</Arn><AssumedRoleId>AROA:x"
                            + "</AssumedRoleId></AssumedRoleUser>"));
            aws.stub(query("GetAccountAuthorizationDetails").withHeader("Authorization",
                    containing("Credential=ASIA" + m + "/")), iam("GetAccountAuthorizationDetails",
                    "<IsTruncated>false</IsTruncated><UserDetailList><member><UserName>user-" + m + "</UserName>"
                            + "<Arn>arn:aws:iam::" + m + ":user/user-" + m + "</Arn></member></UserDetailList>"
                            + "<GroupDetailList/><RoleDetailList/><Policies/>"));
        }
    }

    private CollectOptions options(Path partial, boolean resume, String role) {
        // One member at a time, so that the interruption falls between the same accounts every time.
        return new CollectOptions(null, "us-east-1", aws.endpoint(), true, role, List.of("us-east-1"), 1, partial,
                resume);
    }

    private Collector collector(CollectOptions options, Progress progress) {
        return new Collector(options, progress, AwsStubs.CREDENTIALS, AwsStubs.fastRetries());
    }

    private long assumeRoleCalls(String account) {
        return aws.server.getAllServeEvents().stream().filter(e -> e.getRequest().getBodyAsString()
                .contains("Action=AssumeRole") && e.getRequest().getBodyAsString().contains(account)).count();
    }

    /** The snapshot but the moment its collection started. */
    private static JsonNode withoutStart(ObjectNode snapshot) {
        ObjectNode copy = snapshot.deepCopy();
        copy.remove("collectedAt");
        return copy;
    }

    @Test
    void anInterruptedCollectionResumesFromTheAccountsItFinishedAndLosesNothing() {
        stubOrganization();
        String stopAt = MEMBERS.get(1);
        Path partial = dir.resolve("org.json.partial");
        // The run dies while the second member is being collected: a crash, a kill, Ctrl-C.
        Progress dies = line -> {
            if (line.startsWith(stopAt + " iam:")) {
                throw new IllegalStateException("interrupted");
            }
        };
        assertThrows(IllegalStateException.class, () -> collector(options(partial, false, "Audit"), dies).run());
        assertTrue(Files.isRegularFile(partial.resolve("account-" + AwsStubs.ACCOUNT + ".json")));
        assertTrue(Files.isRegularFile(partial.resolve("account-" + MEMBERS.get(0) + ".json")));
        assertFalse(Files.exists(partial.resolve("account-" + stopAt + ".json")), "a half account is not kept");
        // The members after it may have finished before the run ended (the pool finishes what it started).
        List<String> kept = MEMBERS.stream().filter(m -> Files.exists(partial.resolve("account-" + m + ".json")))
                .toList();

        aws.server.resetRequests();
        CollectResult resumed = collector(options(partial, true, "Audit"), Progress.NONE).run();
        for (String m : MEMBERS) {
            assertEquals(kept.contains(m) ? 0 : 1, assumeRoleCalls(m), m + " (finished: " + kept + ")");
        }
        assertEquals(0, aws.calls("organizations", "DescribeOrganization"), "the organization read is kept");
        assertEquals(MEMBERS.size() - kept.size(), aws.calls("iam", "GetAccountAuthorizationDetails"),
                "the caller's account is not collected again");

        CollectResult whole = collector(options(dir.resolve("other.partial"), false, "Audit"), Progress.NONE).run();
        assertEquals(withoutStart(whole.snapshot()), withoutStart(resumed.snapshot()));
        assertEquals(4, resumed.snapshot().get("accounts").size());
        assertEquals("user-" + stopAt, resumed.snapshot().at("/accounts/2/authorizationDetails/UserDetailList/0"
                + "/UserName").asText());
        assertEquals(whole.accounts(), resumed.accounts());
    }

    @Test
    void resumingWithOtherOptionsIsRefusedWithTheFolder() {
        stubOrganization();
        Path partial = dir.resolve("org.json.partial");
        collector(options(partial, false, "Audit"), Progress.NONE).run();
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> collector(options(partial, true, "OtherRole"), Progress.NONE).run());
        assertEquals("COLLECT_RESUME_MISMATCH", e.code());
        assertTrue(e.location().source().startsWith(partial.toString()), e.location().source());
    }

    @Test
    void resumingWithNothingToResumeCollectsEverything() {
        stubOrganization();
        CollectResult r = collector(options(dir.resolve("none.partial"), true, "Audit"), Progress.NONE).run();
        assertEquals(4, r.snapshot().get("accounts").size());
        assertEquals(0, r.gapCount(), r.accounts().toString());
    }
}
