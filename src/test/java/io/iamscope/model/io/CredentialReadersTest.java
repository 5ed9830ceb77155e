package io.iamscope.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.AccessKey;
import io.iamscope.model.CredentialReport;
import io.iamscope.model.CredentialReportEntry;
import io.iamscope.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credential inputs: {@code aws iam list-access-keys} outputs and credential reports in each shape AWS gives. */
class CredentialReadersTest {
    private static final Path DIR = Path.of("src/test/resources/credentials");

    @Test
    void listAccessKeysOfSeveralUsersAndOfOne() {
        List<AccessKey> keys = AccessKeysReader.read(DIR.resolve("list-access-keys.json"));
        assertEquals(3, keys.size());
        assertEquals("mlee", keys.get(1).userName());
        assertEquals("2026-10-01T08:00:00+00:00", keys.get(1).createDate());
        assertTrue(keys.get(1).active());
        assertNull(keys.get(1).lastUsedDate(), "list-access-keys gives no last use");
        List<AccessKey> one = AccessKeysReader.read(DIR.resolve("list-access-keys-one-user.json"));
        assertEquals(1, one.size());
        assertFalse(one.get(0).active());
    }

    /** A key of a user the snapshot does not hold is a warning; a key the snapshot has is kept as it has it. */
    @Test
    void keysJoinTheirUsersAccounts() {
        Snapshot sample = SnapshotReader.read(SnapshotReaderTest.SAMPLE).snapshot();
        List<AccessKey> keys = new ArrayList<>(AccessKeysReader.read(DIR.resolve("list-access-keys.json")));
        keys.addAll(AccessKeysReader.read(DIR.resolve("list-access-keys-one-user.json")));
        List<String> warnings = new ArrayList<>();
        Snapshot merged = AccessKeysReader.addTo(sample, keys, warnings);
        assertEquals(List.of("access key `AKIANOSUCHUSER000001` of user `no-such-user`: no user of that name in the"
                + " snapshot: left out"), warnings);
        List<AccessKey> dev = merged.account("333333333333").accessKeys();
        AccessKey kept = dev.stream().filter(k -> k.accessKeyId().equals("AKIADEVMLEE000000001")).findFirst().orElseThrow();
        assertEquals("2026-11-26T10:00:00Z", kept.lastUsedDate(), "the snapshot's record, with its last use");
        assertEquals(sample.account("333333333333").accessKeys().size() + 1, dev.size());
        assertTrue(merged.account("222222222222").accessKeys().stream()
                .anyMatch(k -> k.accessKeyId().equals("AKIAPRODDBAOKAFOR001")));
    }

    @Test
    void notListAccessKeysOutput(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("x.json"), "{\"Users\": []}");
        SnapshotException e = assertThrows(SnapshotException.class, () -> AccessKeysReader.read(f));
        assertEquals("ACCESS_KEYS_UNKNOWN_FORMAT", e.code());
    }

    /** The CSV, the CSV base64-encoded and get-credential-report's JSON read the same. */
    @Test
    void credentialReportInEachShape() {
        CredentialReport csv = CredentialReportReader.read(DIR.resolve("credential-report.csv"));
        CredentialReport b64 = CredentialReportReader.read(DIR.resolve("credential-report.base64"));
        CredentialReport json = CredentialReportReader.read(DIR.resolve("get-credential-report.json"));
        assertEquals(csv.entries(), b64.entries());
        assertEquals(csv.entries(), json.entries());
        assertEquals("2026-11-28T06:55:00+00:00", json.generatedTime());
        CredentialReportEntry root = csv.entries().get(0);
        assertTrue(root.isRoot());
        assertNull(root.passwordEnabled(), "not_supported");
        assertEquals(Boolean.FALSE, root.mfaActive());
        assertTrue(root.keys().get(0).active());
        assertEquals("2021-01-01T00:00:00+00:00", root.keys().get(0).lastRotated());
        assertFalse(root.keys().get(1).active());
        assertNull(root.keys().get(1).lastRotated(), "N/A");
        CredentialReportEntry user = csv.entries().get(1);
        assertEquals("ops,cdiaz", user.user(), "a quoted cell keeps its comma");
        assertEquals(Boolean.TRUE, user.passwordEnabled());
        assertNull(user.passwordLastUsed(), "no_information");
    }

    @Test
    void notACredentialReport(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("x.csv"), "name,arn\nbob,arn:aws:iam::1:user/bob\n");
        assertEquals("CREDENTIAL_REPORT_UNKNOWN_FORMAT",
                assertThrows(SnapshotException.class, () -> CredentialReportReader.read(f)).code());
        Path g = Files.writeString(tmp.resolve("y.csv"), "user,password_enabled\nbob,true\n");
        assertEquals("CREDENTIAL_REPORT_MISSING_COLUMN",
                assertThrows(SnapshotException.class, () -> CredentialReportReader.read(g)).code());
    }
}
