package io.iamscope.model.io;

import io.iamscope.model.Account;
import io.iamscope.model.CredentialReport;
import io.iamscope.model.CredentialReportEntry;
import io.iamscope.model.Snapshot;
import io.iamscope.model.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What credential reports say of the snapshot's users' access keys: how many are active. The report shows a key
 * slot active only for an active key, and its other columns are {@code N/A} for a user without an active key
 * (IAM User Guide, "Getting credential reports for your AWS account": access_key_1_active,
 * access_key_1_last_rotated), so an inactive key does not show: the count is a lower bound, and two active keys
 * the only count that decides the two-keys quota by itself. Rows are matched by their {@code arn}; a row of a user
 * the snapshot does not hold is a warning, never a failure; the root user's row is skipped.
 */
public final class CredentialReportKeys {
    private CredentialReportKeys() {
    }

    /**
     * The snapshot with each account's users' active key counts ({@link Account#activeKeysReported}).
     *
     * @param warnings receives one line per row left out
     */
    public static Snapshot addTo(Snapshot snapshot, List<CredentialReport> reports, List<String> warnings) {
        Map<String, Map<String, Integer>> byAccount = new LinkedHashMap<>();
        for (CredentialReport report : reports) {
            for (CredentialReportEntry e : report.entries()) {
                if (e.isRoot()) {
                    continue;
                }
                Account holder = holderOf(snapshot, e.arn());
                if (holder == null) {
                    warnings.add("credential report " + report.source() + ": user `" + e.user() + "` (" + e.arn()
                            + ") is not in the snapshot: left out");
                    continue;
                }
                int active = (int) e.keys().stream().filter(CredentialReportEntry.KeySlot::active).count();
                byAccount.computeIfAbsent(holder.accountId(), k -> new TreeMap<>()).put(e.user(), active);
            }
        }
        List<Account> accounts = snapshot.accounts().stream().map(a -> byAccount.containsKey(a.accountId())
                ? a.withActiveKeysReported(byAccount.get(a.accountId())) : a).toList();
        return new Snapshot(snapshot.formatVersion(), snapshot.collectedAt(), snapshot.collectedBy(),
                snapshot.organization(), accounts);
    }

    private static Account holderOf(Snapshot snapshot, String arn) {
        for (Account a : snapshot.accounts()) {
            for (User u : a.users()) {
                if (u.arn().equals(arn)) {
                    return a;
                }
            }
        }
        return null;
    }
}
