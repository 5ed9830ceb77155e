package io.iamscope.model;

import java.util.List;
import java.util.Map;

/**
 * Everything iamscope knows about one or more accounts, read from snapshot v1 (docs/snapshot-format.md) or
 * from AWS CLI exports. {@code organization} is null when none was collected.
 *
 * @param formatVersion the snapshot format version ({@code 0} for inputs that are not snapshots, such as raw
 *                      {@code get-account-authorization-details} output)
 * @param collectedBy   the collecting credentials' {@code GetCallerIdentity} response
 */
public record Snapshot(int formatVersion, String collectedAt, Map<String, String> collectedBy,
                       Organization organization, List<Account> accounts) {

    public static final int CURRENT_VERSION = 1;

    public Snapshot {
        collectedBy = collectedBy == null ? Map.of() : Map.copyOf(collectedBy);
        accounts = List.copyOf(accounts);
    }

    public Account account(String accountId) {
        for (Account a : accounts) {
            if (a.accountId().equals(accountId)) {
                return a;
            }
        }
        return null;
    }

    public int principalCount() {
        return accounts.stream().mapToInt(Account::principalCount).sum();
    }

    public int policyCount() {
        return (int) accounts.stream().flatMap(a -> a.policies().stream()).map(ManagedPolicy::arn).distinct().count();
    }

    public int resourceCount() {
        return accounts.stream().mapToInt(a -> a.resources().size()).sum();
    }

    public int gapCount() {
        return accounts.stream().mapToInt(a -> a.gaps().size()).sum();
    }
}
