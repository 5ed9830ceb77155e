package io.iamscope.analysis.blast;

import io.iamscope.model.AccessKey;
import io.iamscope.model.Account;
import io.iamscope.model.Principal;
import io.iamscope.model.Role;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The credentials of the start and of the users and roles it reaches, as the snapshot records them. */
final class CredentialUses {
    private CredentialUses() {
    }

    /** The start's first, then the most recently used first, never used last. */
    static List<CredentialUse> of(SnapshotIndex index, String startArn, List<Reachable> reachable) {
        List<CredentialUse> out = new ArrayList<>();
        Map<String, Map<String, List<AccessKey>>> keys = new HashMap<>();
        add(index, startArn, true, keys, out);
        for (Reachable r : reachable) {
            if (!r.arn().equals(startArn)) {
                add(index, r.arn(), false, keys, out);
            }
        }
        out.sort(Comparator.comparing((CredentialUse c) -> !c.start())
                .thenComparing(CredentialUse::lastUsed, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    private static void add(SnapshotIndex index, String arn, boolean start,
                            Map<String, Map<String, List<AccessKey>>> keys, List<CredentialUse> out) {
        Principal p = index.principal(arn);
        if (p instanceof User u) {
            Map<String, List<AccessKey>> byUser = keys.computeIfAbsent(u.accountId(), a -> keysByUser(index, a));
            for (AccessKey k : byUser.getOrDefault(u.name(), List.of())) {
                out.add(new CredentialUse(arn, "access-key", k.accessKeyId(), k.status(), k.createDate(),
                        k.lastUsedDate(), k.lastUsedService(), k.lastUsedRegion(), start));
            }
        } else if (p instanceof Role r && !r.serviceLinked()) {
            String last = r.lastUsed() == null ? null : r.lastUsed().lastUsedDate();
            String region = r.lastUsed() == null ? null : r.lastUsed().region();
            out.add(new CredentialUse(arn, "role", r.name(), null, r.createDate(), last, null, region, start));
        }
    }

    private static Map<String, List<AccessKey>> keysByUser(SnapshotIndex index, String accountId) {
        Account account = index.snapshot().account(accountId);
        Map<String, List<AccessKey>> out = new HashMap<>();
        for (AccessKey k : account == null ? List.<AccessKey>of() : account.accessKeys()) {
            out.computeIfAbsent(k.userName(), n -> new ArrayList<>()).add(k);
        }
        return out;
    }
}
