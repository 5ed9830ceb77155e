package io.iamscope.analysis.diff;

import io.iamscope.model.AccessKey;
import io.iamscope.model.Account;
import io.iamscope.model.Group;
import io.iamscope.model.InlinePolicy;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.OrgPolicy;
import io.iamscope.model.Principal;
import io.iamscope.model.PolicyVersion;
import io.iamscope.model.Resource;
import io.iamscope.model.S3PublicAccessBlock;
import io.iamscope.model.Role;
import io.iamscope.model.Snapshot;
import io.iamscope.model.User;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PolicyJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What was written differently in two snapshots: accounts, principals, managed policies and their versions,
 * inline and trust policies, attachments, group memberships, boundaries, tags, access keys, resources and their
 * policies, and the organization's SCPs and RCPs. Policy documents are compared in their canonical JSON, so a
 * change of spelling alone ({@code "Action": "s3:*"} for {@code ["s3:*"]}) is no change.
 */
public final class StructuralDiff {
    /** The parts that name a whole thing: listed first under their subject, before what it holds. */
    private static final java.util.Set<String> WHOLE = java.util.Set.of("account", "user", "group", "role",
            "managed policy", "resource", "organization policy");

    private final List<Change> out = new ArrayList<>();

    private StructuralDiff() {
    }

    /** The changes from {@code before} to {@code after}, ordered by subject, then part, then kind. */
    public static List<Change> between(Snapshot before, Snapshot after) {
        StructuralDiff d = new StructuralDiff();
        d.pairs(before.accounts(), after.accounts(), Account::accountId, "account", d::account, x -> { });
        d.organization(before, after);
        d.out.sort(Comparator.comparing(Change::subject).thenComparing(c -> !WHOLE.contains(c.what()))
                .thenComparing(Change::what).thenComparing(Change::kind).thenComparing(Change::detail));
        return List.copyOf(d.out);
    }

    private void account(Account a, Account b) {
        // A new principal or policy is compared with an empty one: a reader sees what it holds, not only that it is.
        pairs(a.users(), b.users(), User::arn, "user", this::user, u -> user(empty(u), u));
        pairs(a.groups(), b.groups(), Group::arn, "group", this::principal, g -> principal(new Group(g.arn(),
                g.name(), g.path(), g.id(), g.accountId(), List.of(), List.of()), g));
        pairs(a.roles(), b.roles(), Role::arn, "role", this::role, r -> role(empty(r), r));
        pairs(a.policies(), b.policies(), ManagedPolicy::arn, "managed policy", this::policy,
                p -> document(p.arn(), "default version's document", null, p.document()));
        pairs(a.resources(), b.resources(), Resource::arn, "resource", this::resource, r -> { });
        if (a.accessKeysListed() && b.accessKeysListed()) {
            keys(a, b);
        }
    }

    private void user(User a, User b) {
        principal(a, b);
        strings(a.arn(), "group membership", a.groupNames(), b.groupNames());
        if (!Objects.equals(a.tags(), b.tags())) {
            add(ChangeKind.CHANGED, a.arn(), "tags", a.tags() + " -> " + b.tags());
        }
    }

    private void role(Role a, Role b) {
        principal(a, b);
        document(a.arn(), "trust policy", a.trustPolicy(), b.trustPolicy());
        if (!Objects.equals(a.tags(), b.tags())) {
            add(ChangeKind.CHANGED, a.arn(), "tags", a.tags() + " -> " + b.tags());
        }
    }

    private void principal(Principal a, Principal b) {
        Map<String, PolicyDocument> before = inline(a.inlinePolicies());
        Map<String, PolicyDocument> after = inline(b.inlinePolicies());
        for (String name : union(before.keySet(), after.keySet())) {
            document(a.arn(), "inline policy `" + name + "`", before.get(name), after.get(name));
        }
        strings(a.arn(), "attached policy", a.attachedPolicyArns(), b.attachedPolicyArns());
        String boundaryA = boundary(a);
        String boundaryB = boundary(b);
        if (!Objects.equals(boundaryA, boundaryB)) {
            kinds(a.arn(), "permissions boundary", boundaryA, boundaryB);
        }
    }

    private static User empty(User u) {
        return new User(u.arn(), u.name(), u.path(), u.id(), u.accountId(), u.createDate(), List.of(), List.of(),
                null, List.of(), u.tags());
    }

    private static Role empty(Role r) {
        return new Role(r.arn(), r.name(), r.path(), r.id(), r.accountId(), r.createDate(), null, List.of(),
                List.of(), null, r.instanceProfiles(), r.lastUsed(), r.tags());
    }

    private static String boundary(Principal p) {
        return p instanceof User u ? u.boundaryArn() : p instanceof Role r ? r.boundaryArn() : null;
    }

    private void policy(ManagedPolicy a, ManagedPolicy b) {
        if (!Objects.equals(a.defaultVersionId(), b.defaultVersionId())) {
            add(ChangeKind.CHANGED, a.arn(), "default version", a.defaultVersionId() + " -> " + b.defaultVersionId());
        }
        document(a.arn(), "default version's document", a.document(), b.document());
        Map<String, PolicyVersion> before = versions(a);
        Map<String, PolicyVersion> after = versions(b);
        for (String v : union(before.keySet(), after.keySet())) {
            if (!before.containsKey(v)) {
                add(ChangeKind.ADDED, a.arn(), "policy version", v);
            } else if (!after.containsKey(v)) {
                add(ChangeKind.REMOVED, a.arn(), "policy version", v);
            }
        }
    }

    private void resource(Resource a, Resource b) {
        document(a.arn(), "resource policy", a.policy(), b.policy());
        if (!Objects.equals(a.roleArn(), b.roleArn())) {
            kinds(a.arn(), "role", a.roleArn(), b.roleArn());
        }
        if (!Objects.equals(a.instanceProfileArn(), b.instanceProfileArn())) {
            kinds(a.arn(), "instance profile", a.instanceProfileArn(), b.instanceProfileArn());
        }
        if (a.tags() != null && b.tags() != null && !a.tags().equals(b.tags())) {
            add(ChangeKind.CHANGED, a.arn(), "tags", a.tags() + " -> " + b.tags());
        }
        for (String property : List.of(S3PublicAccessBlock.BUCKET, S3PublicAccessBlock.ACCOUNT)) {
            Object x = a.properties().get(property);
            Object y = b.properties().get(property);
            if (!Objects.equals(x, y)) {
                add(x == null ? ChangeKind.ADDED : y == null ? ChangeKind.REMOVED : ChangeKind.CHANGED, a.arn(),
                        property.equals(S3PublicAccessBlock.BUCKET) ? "S3 Block Public Access"
                                : "the account's S3 Block Public Access",
                        x == null || y == null ? S3PublicAccessBlock.describe(x == null ? y : x)
                                : S3PublicAccessBlock.describe(x) + " -> " + S3PublicAccessBlock.describe(y));
            }
        }
    }

    /** Access keys, when both snapshots listed them (else a missing key says only that nobody looked). */
    private void keys(Account a, Account b) {
        Map<String, AccessKey> before = byKey(a.accessKeys(), AccessKey::accessKeyId);
        Map<String, AccessKey> after = byKey(b.accessKeys(), AccessKey::accessKeyId);
        String prefix = "arn:aws:iam::" + a.accountId() + ":user/";
        Map<String, User> users = byKey(b.users(), User::name);
        for (String id : union(before.keySet(), after.keySet())) {
            AccessKey k = after.getOrDefault(id, before.get(id));
            String subject = users.containsKey(k.userName()) ? users.get(k.userName()).arn() : prefix + k.userName();
            if (!before.containsKey(id)) {
                add(ChangeKind.ADDED, subject, "access key", id + " (" + k.status() + ")");
            } else if (!after.containsKey(id)) {
                add(ChangeKind.REMOVED, subject, "access key", id);
            } else if (!Objects.equals(before.get(id).status(), k.status())) {
                add(ChangeKind.CHANGED, subject, "access key", id + " " + before.get(id).status() + " -> "
                        + k.status());
            }
        }
    }

    private void organization(Snapshot before, Snapshot after) {
        List<OrgPolicy> a = before.organization() == null ? List.of() : before.organization().policies();
        List<OrgPolicy> b = after.organization() == null ? List.of() : after.organization().policies();
        pairs(a, b, p -> p.arn() == null ? p.id() : p.arn(), "organization policy", (x, y) -> {
            String subject = x.arn() == null ? x.id() : x.arn();
            String type = x.type() == io.iamscope.model.OrgPolicyType.SERVICE_CONTROL_POLICY ? "SCP" : "RCP";
            document(subject, type + " document", x.content(), y.content());
            strings(subject, type + " target", x.targets(), y.targets());
        }, x -> { });
    }

    /** Items of two lists by key: removed, added (then handed to {@code added}), and those in both to {@code both}. */
    private <T> void pairs(List<T> a, List<T> b, Function<T, String> key, String what,
                           java.util.function.BiConsumer<T, T> both, java.util.function.Consumer<T> added) {
        Map<String, T> before = byKey(a, key);
        Map<String, T> after = byKey(b, key);
        for (String k : union(before.keySet(), after.keySet())) {
            if (!before.containsKey(k)) {
                add(ChangeKind.ADDED, k, what, "");
                added.accept(after.get(k));
            } else if (!after.containsKey(k)) {
                add(ChangeKind.REMOVED, k, what, "");
            } else {
                both.accept(before.get(k), after.get(k));
            }
        }
    }

    private void document(String subject, String what, PolicyDocument a, PolicyDocument b) {
        // One instance on both sides (a plan leaves most documents as they were): nothing to compare.
        if (a == b) {
            return;
        }
        if (a == null) {
            out.add(new Change(ChangeKind.ADDED, subject, what, "", null, PolicyJson.of(b)));
            return;
        }
        if (b == null) {
            add(ChangeKind.REMOVED, subject, what, "");
            return;
        }
        JsonObject x = PolicyJson.of(a);
        JsonObject y = PolicyJson.of(b);
        if (!x.equals(y)) {
            out.add(new Change(ChangeKind.CHANGED, subject, what, "", Json.createDiff(x, y).toJsonArray(), y));
        }
    }

    private void strings(String subject, String what, List<String> a, List<String> b) {
        for (String s : union(a, b)) {
            if (!a.contains(s)) {
                add(ChangeKind.ADDED, subject, what, s);
            } else if (!b.contains(s)) {
                add(ChangeKind.REMOVED, subject, what, s);
            }
        }
    }

    private void kinds(String subject, String what, String a, String b) {
        if (a == null) {
            add(ChangeKind.ADDED, subject, what, b);
        } else if (b == null) {
            add(ChangeKind.REMOVED, subject, what, a);
        } else {
            add(ChangeKind.CHANGED, subject, what, a + " -> " + b);
        }
    }

    private void add(ChangeKind kind, String subject, String what, String detail) {
        out.add(new Change(kind, subject, what, detail, null, null));
    }

    private static Map<String, PolicyDocument> inline(List<InlinePolicy> policies) {
        Map<String, PolicyDocument> m = new LinkedHashMap<>();
        policies.forEach(p -> m.put(p.name(), p.document()));
        return m;
    }

    private static Map<String, PolicyVersion> versions(ManagedPolicy p) {
        Map<String, PolicyVersion> m = new LinkedHashMap<>();
        p.versions().stream().filter(v -> v.versionId() != null).forEach(v -> m.put(v.versionId(), v));
        return m;
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> m = new LinkedHashMap<>();
        items.forEach(i -> m.putIfAbsent(key.apply(i), i));
        return m;
    }

    private static TreeSet<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
