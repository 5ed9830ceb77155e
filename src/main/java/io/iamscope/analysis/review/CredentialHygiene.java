package io.iamscope.analysis.review;

import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.model.AccessKey;
import io.iamscope.model.Account;
import io.iamscope.model.CredentialReport;
import io.iamscope.model.CredentialReportEntry;
import io.iamscope.model.CredentialReportEntry.KeySlot;
import io.iamscope.model.Principal;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import io.iamscope.policy.Arn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Credentials (IAM User Guide: "Security best practices in IAM", "Root user best practices", "Finding unused AWS
 * credentials"): the root user's access keys and MFA, console users without MFA (these need a credential
 * report), active access keys older than the age limit or unused for as long, users with two active keys, and
 * roles and users unused for as long. Keys come from the snapshot and {@code --access-keys}, their use from
 * there or from the credential report's key columns (matched to a key by its creation date).
 */
final class CredentialHygiene implements ReviewCheck {
    @Override
    public String name() {
        return "credentials";
    }

    @Override
    public List<Finding> run(ReviewContext c) {
        Instant now = c.options().asOf();
        int days = c.options().staleDays();
        Map<String, CredentialReportEntry> report = new HashMap<>();
        java.util.Set<String> reported = new java.util.HashSet<>();
        List<Finding> out = new ArrayList<>();
        for (CredentialReport r : c.options().credentialReports()) {
            for (CredentialReportEntry e : r.entries()) {
                String account = Arn.accountOf(e.arn());
                reported.add(account);
                if (e.isRoot()) {
                    root(c, e, out);
                } else if (c.index().principal(e.arn()) == null) {
                    c.warn("credential report " + r.source() + ": user `" + e.arn() + "` is not in the snapshot");
                } else {
                    report.put(e.arn(), e);
                }
            }
        }
        for (Account a : c.snapshot().accounts()) {
            if (!reported.contains(a.accountId())) {
                c.note("no credential report for account " + a.label() + ": its root user and console passwords"
                        + " were not checked (give --credential-report)");
            }
            Map<String, List<AccessKey>> keys = new HashMap<>();
            a.accessKeys().forEach(k -> keys.computeIfAbsent(k.userName(), x -> new ArrayList<>()).add(k));
            for (User u : a.users()) {
                CredentialReportEntry e = report.get(u.arn());
                List<Key> active = keys(keys.getOrDefault(u.name(), List.of()), e);
                user(c, u, e, active, now, days, out);
            }
            for (Role r : a.roles()) {
                role(r, now, days, out);
            }
        }
        return out;
    }

    private static void root(ReviewContext c, CredentialReportEntry e, List<Finding> out) {
        String account = Arn.accountOf(e.arn());
        String label = Names.account(c.snapshot(), account);
        for (KeySlot k : e.keys()) {
            if (k.active()) {
                out.add(Finding.of(FindingCode.ROOT_ACCESS_KEY, e.arn()).key("key " + k.slot())
                        .title("the root user of " + label + " has an active access key (key " + k.slot() + ")")
                        .fact("created or rotated " + Dates.day(Dates.parse(k.lastRotated())) + ", last used "
                                + Dates.day(Dates.parse(k.lastUsedDate())))
                        .fix("delete the root user's access keys; use IAM roles for automation").build());
            }
        }
        if (Boolean.FALSE.equals(e.mfaActive())) {
            out.add(Finding.of(FindingCode.ROOT_NO_MFA, e.arn()).title("the root user of " + label + " has no MFA")
                    .fix("enable MFA for the root user (a hardware key or passkey), or, in an organization, remove"
                            + " member accounts' root credentials (centralized root access)").build());
        }
    }

    /** An active access key with what is known of it. */
    private record Key(String id, Instant created, Instant lastUsed, String lastService) {
    }

    /** The user's active keys: its key records, each with its report slot's use when the record has none. */
    private static List<Key> keys(List<AccessKey> records, CredentialReportEntry e) {
        List<Key> out = new ArrayList<>();
        List<KeySlot> slots = e == null ? new ArrayList<>() : new ArrayList<>(e.keys().stream().filter(KeySlot::active)
                .toList());
        for (AccessKey k : records) {
            if (!k.active()) {
                continue;
            }
            Instant created = Dates.parse(k.createDate());
            Instant used = Dates.parse(k.lastUsedDate());
            KeySlot slot = slots.stream().filter(s -> created != null && created.equals(Dates.parse(s.lastRotated())))
                    .findFirst().orElse(null);
            if (slot != null) {
                slots.remove(slot);
                used = used != null ? used : Dates.parse(slot.lastUsedDate());
            }
            out.add(new Key(k.accessKeyId(), created, used, k.lastUsedService()));
        }
        for (KeySlot s : slots) {
            out.add(new Key("key " + s.slot(), Dates.parse(s.lastRotated()), Dates.parse(s.lastUsedDate()),
                    s.lastUsedService()));
        }
        return out;
    }

    private static void user(ReviewContext c, User u, CredentialReportEntry e, List<Key> keys, Instant now, int days,
                             List<Finding> out) {
        if (e != null && Boolean.TRUE.equals(e.passwordEnabled()) && Boolean.FALSE.equals(e.mfaActive())) {
            out.add(Finding.of(FindingCode.CONSOLE_NO_MFA, u.arn()).title("user `" + u.name() + "` signs in to the"
                            + " console with a password and has no MFA")
                    .fact("password last used " + Dates.day(Dates.parse(e.passwordLastUsed())))
                    .fix("enable MFA for the user, and deny actions without aws:MultiFactorAuthPresent in its policies")
                    .build());
        }
        for (Key k : keys) {
            String used = k.lastUsed() == null ? "never used" : "last used " + Dates.day(k.lastUsed())
                    + (k.lastService() == null ? "" : " (" + k.lastService() + ")");
            String facts = "created " + Dates.day(k.created()) + ", " + used;
            if (k.created() != null && Dates.daysBetween(k.created(), now) > days) {
                out.add(Finding.of(FindingCode.ACCESS_KEY_OLD, u.arn()).key(k.id())
                        .title("user `" + u.name() + "`: access key `" + k.id() + "` is "
                                + Dates.daysBetween(k.created(), now) + " days old")
                        .fact(facts).fix("rotate the key (create a new one, switch, deactivate and delete the old), or"
                                + " replace it with a role").build());
            }
            Instant since = k.lastUsed() != null ? k.lastUsed() : k.created();
            if (since != null && Dates.daysBetween(since, now) > days) {
                out.add(Finding.of(FindingCode.ACCESS_KEY_UNUSED, u.arn()).key(k.id())
                        .title("user `" + u.name() + "`: access key `" + k.id() + "` is active and "
                                + (k.lastUsed() == null ? "was never used" : "unused for "
                                + Dates.daysBetween(k.lastUsed(), now) + " days"))
                        .fact(facts).fix("deactivate the key, then delete it if nothing breaks").build());
            }
        }
        if (keys.size() > 1) {
            out.add(Finding.of(FindingCode.USER_TWO_ACTIVE_KEYS, u.arn()).title("user `" + u.name() + "` has "
                    + keys.size() + " active access keys").fact("keys: " + String.join(", ",
                    keys.stream().map(Key::id).toList())).fix("keep one active key outside a rotation").build());
        }
        if (e != null) {
            unusedUser(u, e, keys, now, days, out);
        }
    }

    /** A user is unused when nothing of it was used within the limit: password, keys (needs its report row). */
    private static void unusedUser(User u, CredentialReportEntry e, List<Key> keys, Instant now, int days,
                                   List<Finding> out) {
        Instant created = Dates.parse(u.createDate());
        if (created == null || Dates.daysBetween(created, now) <= days) {
            return;
        }
        Instant last = Dates.parse(e.passwordLastUsed());
        for (Key k : keys) {
            if (k.lastUsed() != null && (last == null || k.lastUsed().isAfter(last))) {
                last = k.lastUsed();
            }
        }
        if (last == null || Dates.daysBetween(last, now) > days) {
            out.add(unused(u, last, now));
        }
    }

    private static void role(Role r, Instant now, int days, List<Finding> out) {
        if (r.serviceLinked() || r.lastUsed() == null) {
            return; // RoleLastUsed not collected: unknown, not unused
        }
        Instant created = Dates.parse(r.createDate());
        Instant last = Dates.parse(r.lastUsed().lastUsedDate());
        boolean old = created == null || Dates.daysBetween(created, now) > days;
        if (old && (last == null || Dates.daysBetween(last, now) > days)) {
            out.add(unused(r, last, now));
        }
    }

    private static Finding unused(Principal p, Instant last, Instant now) {
        return Finding.of(FindingCode.PRINCIPAL_UNUSED, p.arn())
                .title(p.kindName() + " `" + p.name() + "` " + (last == null ? "was not used in the tracking period"
                        : "was last used " + Dates.daysBetween(last, now) + " days ago (" + Dates.day(last) + ")"))
                .fix("remove it if nothing needs it (for a rarely used role such as break-glass, suppress with a reason)")
                .build();
    }
}
