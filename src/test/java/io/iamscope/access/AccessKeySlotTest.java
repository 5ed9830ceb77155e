package io.iamscope.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.User;
import io.iamscope.model.io.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        String json = "{\"format\": \"iamscope-snapshot\", \"version\": 1, \"accounts\": [{\"accountId\": \"111111111111\","
                + " \"authorizationDetails\": " + USERS + keysField + ", \"gaps\": " + gaps + "}]}";
        Path file = dir.resolve("snapshot.json");
        Files.writeString(file, json);
        return new Inventory(new SnapshotIndex(SnapshotReader.read(file).snapshot()));
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
}
