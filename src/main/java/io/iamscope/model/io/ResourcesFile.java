package io.iamscope.model.io;

import io.iamscope.policy.Arn;
import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.Account;
import io.iamscope.model.Resource;
import io.iamscope.policy.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code --resources FILE}: a JSON array of resource records, each added to the account named by its ARN.
 * S3 ARNs name no account: such a record goes to the account given in its {@code account} field, or to the
 * only account read; otherwise it is an error rather than a guess.
 */
final class ResourcesFile {
    private ResourcesFile() {
    }

    /** Adds the file's resources to {@code accounts} (replacing entries); returns how many were read. */
    static int attach(Path file, Map<String, Account> accounts) {
        JsonNode root = JsonInput.read(file);
        SourceLocation at = SourceLocation.of(file.toString());
        if (!root.isArray()) {
            throw new SnapshotException("RESOURCES_NOT_ARRAY", "a resources file must be a JSON array of resource"
                    + " records", at);
        }
        Map<String, List<Resource>> byAccount = new LinkedHashMap<>();
        for (int i = 0; i < root.size(); i++) {
            SourceLocation here = at.child(i);
            Resource r = ResourceReader.read(root.get(i), here);
            String account = JsonInput.text(root.get(i), "account");
            if (account == null) {
                account = Arn.accountOf(r.arn());
            }
            if (account == null && accounts.size() == 1) {
                account = accounts.keySet().iterator().next();
            }
            if (account == null) {
                throw new SnapshotException("RESOURCE_ACCOUNT_UNKNOWN", "`" + r.arn() + "` names no account and"
                        + " several accounts were read: add an `account` field", here);
            }
            if (!accounts.containsKey(account)) {
                throw new SnapshotException("RESOURCE_ACCOUNT_NOT_READ", "account `" + account + "` of `" + r.arn()
                        + "` is not in the snapshot", here);
            }
            byAccount.computeIfAbsent(account, k -> new ArrayList<>()).add(r);
        }
        byAccount.forEach((id, list) -> accounts.put(id, accounts.get(id).withResources(list)));
        return root.size();
    }
}
