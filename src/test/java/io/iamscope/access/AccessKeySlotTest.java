package io.iamscope.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.Snapshot;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.User;
import io.iamscope.model.io.AccessKeysReader;
import io.iamscope.model.io.CredentialReportKeys;
import io.iamscope.model.io.CredentialReportReader;
import io.iamscope.model.io.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many access keys a user holds, as {@link Inventory#accessKeySlot} reads the snapshot: two keys, inactive
 * ones included, fill IAM's quota; the count is unknown when the account's keys were not listed or listing them
 * failed (a gap), never taken for zero.
 */
class AccessKeySlotTest {
    @TempDir
    Path dir;

    private static final String USERS = """
            {"UserDetailList": [
              {"UserName": "none", "UserId": "AIDANONE", "Arn": "arn:aws:iam::111111111111:user/none", "Path": "/"},
              {"UserName": "one", "UserId": "AIDAONE", "Arn": "arn:aws:iam::111111111111:user/one", "Path": "/"},
              {"UserName": "two", "UserId": "AIDATWO", "Arn": "arn:aws:iam::111111111111:user/two", "Path": "/"},
              {"UserName": "failed", "UserId": "AIDAFAILED", "Arn": "arn:aws:iam::111111111111:user/failed", "Path": "/"}],
             "GroupDetailList": [], "RoleDetailList": [], "Policies": []}""";
    private static final String KEYS = """
            [{"AccessKeyId": "AKIAONE1", "UserName": "one", "Status": "Active"},
             {"AccessKeyId": "AKIATWO1", "UserName": "two", "Status": "Active"},
             {"AccessKeyId": "AKIATWO2", "UserName": "two", "Status": "Inactive"}]""";

    private Inventory inventory(String keysField, String gaps) throws IOException {
        return new Inventory(new SnapshotIndex(snapshot(keysField, gaps)));
    }

    private Snapshot snapshot(String keysField, String gaps) throws IOException {
        String json = "{\"format\": \"iamscope-snapshot\", \"version\": 1, \"accounts\": [{\"accountId\": \"111111111111\","
                + " \"authorizationDetails\": " + USERS + keysField + ", \"gaps\": " + gaps + "}]}";
        Path file = dir.resolve("snapshot.json");
        Files.writeString(file, json);
        return SnapshotReader.read(file).snapshot();
    }

    private static AccessKeySlot slot(Inventory inv, String name) {
        User u = inv.users().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return inv.accessKeySlot(u);
    }

    @Test
    void twoKeysInactiveIncludedFillTheQuota() throws IOException {
        Inventory inv = inventory(", \"accessKeys\": " + KEYS, "[]");
        assertEquals(AccessKeySlot.FREE, slot(inv, "none"));
        assertEquals(AccessKeySlot.FREE, slot(inv, "one"));
        assertEquals(AccessKeySlot.FULL, slot(inv, "two"));
    }

    @Test
    void keysNotListedAreUnknown() throws IOException {
        Inventory inv = inventory("", "[]");
        assertEquals(AccessKeySlot.UNKNOWN, slot(inv, "none"));
        assertEquals(AccessKeySlot.UNKNOWN, slot(inv, "two"));
    }

    @Test
    void aFailedListingIsUnknown() throws IOException {
        Inventory inv = inventory(", \"accessKeys\": " + KEYS, """
                [{"service": "iam", "operation": "ListAccessKeys", "resource": "arn:aws:iam::111111111111:user/failed",
                  "errorCode": "AccessDenied", "message": "no"}]""");
        assertEquals(AccessKeySlot.UNKNOWN, slot(inv, "failed"));
        assertEquals(AccessKeySlot.FULL, slot(inv, "two"));
        Inventory noUsers = inventory(", \"accessKeys\": " + KEYS, """
                [{"service": "iam", "operation": "ListUsers", "errorCode": "AccessDenied", "message": "no"}]""");
        assertEquals(AccessKeySlot.UNKNOWN, slot(noUsers, "none"));
        assertEquals(AccessKeySlot.UNKNOWN, slot(noUsers, "two"));
    }

    /**
     * Keys not collected with the snapshot, given as {@code aws iam list-access-keys} output: a user's output lists
     * every key it holds (IAM API Reference, ListAccessKeys), so its users' counts are known, and only theirs.
     */
    @Test
    void listAccessKeysOutputMakesItsUsersCountsKnown() throws IOException {
        Path keys = Files.writeString(dir.resolve("keys.json"), "[{\"AccessKeyMetadata\": [{\"AccessKeyId\": \"AKIATWO1\","
                + " \"UserName\": \"two\", \"Status\": \"Active\"}, {\"AccessKeyId\": \"AKIATWO2\", \"UserName\": \"two\","
                + " \"Status\": \"Inactive\"}]}, {\"AccessKeyMetadata\": [{\"AccessKeyId\": \"AKIAONE1\", \"UserName\":"
                + " \"one\", \"Status\": \"Active\"}]}]");
        Snapshot s = AccessKeysReader.addTo(snapshot("", "[]"), AccessKeysReader.read(keys), new ArrayList<>());
        Inventory inv = new Inventory(new SnapshotIndex(s));
        assertEquals(AccessKeySlot.FULL, slot(inv, "two"));
        assertEquals(AccessKeySlot.FREE, slot(inv, "one"));
        assertEquals(AccessKeySlot.UNKNOWN, slot(inv, "none"), "no output given for this user");
    }

    /**
     * A credential report shows active keys only (IAM User Guide, "Getting credential reports": access_key_N_active
     * is FALSE for an inactive key or none): two active keys fill the quota; fewer leave the count unknown.
     */
    @Test
    void aCredentialReportDecidesOnlyWhenItShowsTwoActiveKeys() throws IOException {
        Path csv = Files.writeString(dir.resolve("report.csv"), """
                user,arn,access_key_1_active,access_key_2_active
                two,arn:aws:iam::111111111111:user/two,true,true
                one,arn:aws:iam::111111111111:user/one,true,false
                ghost,arn:aws:iam::111111111111:user/ghost,true,true
                """);
        List<String> warnings = new ArrayList<>();
        Snapshot s = CredentialReportKeys.addTo(snapshot("", "[]"), List.of(CredentialReportReader.read(csv)),
                warnings);
        Inventory inv = new Inventory(new SnapshotIndex(s));
        assertEquals(AccessKeySlot.FULL, slot(inv, "two"));
        assertEquals(AccessKeySlot.UNKNOWN, slot(inv, "one"), "an inactive key would not show");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("`ghost`"), warnings.toString());
    }
}
