package io.iamscope.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.AccessKey;
import io.iamscope.model.Account;
import io.iamscope.model.Snapshot;
import io.iamscope.model.User;
import io.iamscope.policy.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the output of {@code aws iam list-access-keys} ({@code {"AccessKeyMetadata": [...]}}, for one user, or a
 * JSON array of such outputs, for several) and adds the keys to the snapshot's accounts. The output names no
 * account: a key goes to the account holding a user of that name; a key whose user is not in the snapshot, or
 * whose user name several accounts hold, is left out with a warning, never a failure (IAM API Reference:
 * ListAccessKeys, AccessKeyMetadata).
 */
public final class AccessKeysReader {
    private AccessKeysReader() {
    }

    /** The keys of one file. */
    public static List<AccessKey> read(Path file) {
        JsonNode root = JsonInput.read(file);
        SourceLocation at = SourceLocation.of(file.toString());
        List<AccessKey> out = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                readOne(root.get(i), at.child(i), out);
            }
        } else {
            readOne(root, at, out);
        }
        return out;
    }

    private static void readOne(JsonNode node, SourceLocation at, List<AccessKey> out) {
        if (!node.isObject() || !node.has("AccessKeyMetadata")) {
            throw new SnapshotException("ACCESS_KEYS_UNKNOWN_FORMAT", "not the output of `aws iam list-access-keys`:"
                    + " expected an object with `AccessKeyMetadata` (or a list of such objects)", at);
        }
        JsonNode list = JsonInput.array(node, "AccessKeyMetadata", at);
        for (int i = 0; i < list.size(); i++) {
            JsonNode k = list.get(i);
            SourceLocation here = at.child("AccessKeyMetadata").child(i);
            out.add(new AccessKey(JsonInput.required(k, "AccessKeyId", here), JsonInput.required(k, "UserName", here),
                    JsonInput.text(k, "Status"), JsonInput.text(k, "CreateDate"), null, null, null));
        }
    }

    /**
     * The snapshot with the keys added to the accounts of their users. A key the snapshot already lists (same
     * id) is kept as the snapshot has it (it may hold the key's last use, which list-access-keys does not give).
     * The users of the keys count as listed ({@link Account#keysListedFor}): the AWS CLI follows the pagination
     * of ListAccessKeys itself, so a user's output holds every key the user has, inactive ones included.
     *
     * @param warnings receives one line per key left out
     */
    public static Snapshot addTo(Snapshot snapshot, List<AccessKey> keys, List<String> warnings) {
        Map<String, List<AccessKey>> byAccount = new LinkedHashMap<>();
        Map<String, Set<String>> listed = new LinkedHashMap<>();
        snapshot.accounts().forEach(a -> {
            byAccount.put(a.accountId(), new ArrayList<>(a.accessKeys()));
            listed.put(a.accountId(), new TreeSet<>());
        });
        for (AccessKey k : keys) {
            List<String> holders = new ArrayList<>();
            for (Account a : snapshot.accounts()) {
                for (User u : a.users()) {
                    if (u.name().equals(k.userName())) {
                        holders.add(a.accountId());
                    }
                }
            }
            if (holders.size() != 1) {
                warnings.add("access key `" + k.accessKeyId() + "` of user `" + k.userName() + "`: " + (holders.isEmpty()
                        ? "no user of that name in the snapshot" : "users of that name in accounts " + holders)
                        + ": left out");
                continue;
            }
            List<AccessKey> list = byAccount.get(holders.get(0));
            if (list.stream().noneMatch(e -> e.accessKeyId().equals(k.accessKeyId()))) {
                list.add(k);
            }
            listed.get(holders.get(0)).add(k.userName());
        }
        List<Account> accounts = snapshot.accounts().stream()
                .map(a -> a.withAccessKeys(byAccount.get(a.accountId()), listed.get(a.accountId()))).toList();
        return new Snapshot(snapshot.formatVersion(), snapshot.collectedAt(), snapshot.collectedBy(),
                snapshot.organization(), accounts);
    }
}
