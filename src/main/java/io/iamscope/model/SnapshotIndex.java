package io.iamscope.model;

import io.iamscope.policy.Arn;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Lookups over a snapshot, built once: principals by ARN, name, unique id and access key id; each user's
 * groups (membership resolved once); managed policies and resources by ARN; the nearest names for typos.
 * Immutable after construction and thread-safe.
 */
public final class SnapshotIndex {
    private static final Pattern ACCESS_KEY = Pattern.compile("(AKIA|ASIA)[A-Z0-9]{12,}");
    private static final Pattern UNIQUE_ID = Pattern.compile("(AIDA|AROA|AGPA)[A-Z0-9]{12,}");

    private final Snapshot snapshot;
    private final Map<String, Principal> byArn = new HashMap<>();
    private final Map<String, List<Principal>> byName = new LinkedHashMap<>();
    private final Map<String, Principal> byId = new HashMap<>();
    private final Map<String, AccessKey> keys = new HashMap<>();
    private final Map<String, String> keyAccount = new HashMap<>();
    private final Map<User, List<Group>> groups = new HashMap<>();
    private final Map<String, ManagedPolicy> policies = new HashMap<>();
    private final Map<String, Resource> resources = new HashMap<>();
    private final Map<String, String> resourceAccount = new HashMap<>();
    private final Set<String> instanceProfiles = new java.util.HashSet<>();
    private final Map<String, List<Gap>> gapsByResource = new HashMap<>();

    public SnapshotIndex(Snapshot snapshot) {
        this.snapshot = snapshot;
        for (Account a : snapshot.accounts()) {
            Map<String, Group> groupsByName = new HashMap<>();
            for (Group g : a.groups()) {
                add(g);
                groupsByName.put(g.name(), g);
            }
            for (User u : a.users()) {
                add(u);
                byName.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(u);
                List<Group> of = new ArrayList<>();
                for (String name : u.groupNames()) {
                    Group g = groupsByName.get(name);
                    if (g != null) {
                        of.add(g);
                    }
                }
                groups.put(u, List.copyOf(of));
            }
            for (Role r : a.roles()) {
                add(r);
                byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
            }
            for (ManagedPolicy p : a.policies()) {
                policies.putIfAbsent(p.arn(), p);
            }
            for (AccessKey k : a.accessKeys()) {
                keys.put(k.accessKeyId(), k);
                keyAccount.put(k.accessKeyId(), a.accountId());
            }
            for (Resource r : a.resources()) {
                resources.put(r.arn(), r);
                resourceAccount.put(r.arn(), a.accountId());
            }
            for (Gap g : a.gaps()) {
                if (g.resource() != null) {
                    gapsByResource.computeIfAbsent(g.resource(), k -> new ArrayList<>()).add(g);
                }
            }
        }
    }

    /**
     * The collection gaps about a resource: those recorded for its ARN or for an ARN it lies under
     * ({@code arn:aws:s3:::bucket} for {@code arn:aws:s3:::bucket/key}), nearest first.
     */
    public List<Gap> gapsAbout(String arn) {
        if (gapsByResource.isEmpty()) {
            return List.of();
        }
        List<Gap> out = new ArrayList<>(gapsByResource.getOrDefault(arn, List.of()));
        for (int slash = arn.lastIndexOf('/'); slash > 0; slash = arn.lastIndexOf('/', slash - 1)) {
            out.addAll(gapsByResource.getOrDefault(arn.substring(0, slash), List.of()));
        }
        return out;
    }

    private void add(Principal p) {
        byArn.put(p.arn(), p);
        if (p instanceof Role r) {
            r.instanceProfiles().forEach(i -> instanceProfiles.add(i.arn()));
        }
        if (p.id() != null) {
            byId.put(p.id(), p);
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public Principal principal(String arn) {
        return byArn.get(arn);
    }

    /** The groups a user is a member of (groups the snapshot does not hold are left out). */
    public List<Group> groupsOf(User user) {
        return groups.getOrDefault(user, List.of());
    }

    public ManagedPolicy managedPolicy(String arn) {
        return policies.get(arn);
    }

    public AccessKey accessKey(String id) {
        return keys.get(id);
    }

    /**
     * The resource record for an ARN; an S3 object ARN ({@code arn:aws:s3:::bucket/key}) gives its bucket,
     * whose policy governs it.
     */
    public Resource resource(String arn) {
        Resource r = resources.get(arn);
        if (r == null && arn.startsWith("arn:aws:s3:::") && arn.indexOf('/') > 0) {
            r = resources.get(arn.substring(0, arn.indexOf('/')));
        }
        return r;
    }

    /** The account that owns a resource: the ARN's account, else the account whose record holds it, else null. */
    public String accountOf(String resourceArn) {
        String account = Arn.accountOf(resourceArn);
        if (account != null && !"aws".equals(account)) {
            return account;
        }
        Resource r = resource(resourceArn);
        return r == null ? null : resourceAccount.get(r.arn());
    }

    /**
     * Finds the principal a user means: an ARN (user, role, assumed-role session, account root), an access key
     * id, a unique id, or a user or role name (unique across the snapshot).
     *
     * @throws LookupException with code {@code PRINCIPAL_NOT_FOUND}, {@code PRINCIPAL_AMBIGUOUS} or
     *                         {@code PRINCIPAL_IS_GROUP}, and the nearest names
     */
    public PrincipalRef resolvePrincipal(String query) {
        String q = query.trim();
        if (q.startsWith("arn:")) {
            return byArnQuery(q);
        }
        if (ACCESS_KEY.matcher(q).matches()) {
            AccessKey k = keys.get(q);
            if (k == null) {
                String why = q.startsWith("ASIA") ? "temporary access key `" + q + "` is not in the snapshot (only"
                        + " long-term keys are listed; give the role or session ARN)" : "access key `" + q
                        + "` is not in the snapshot";
                throw new LookupException("ACCESS_KEY_NOT_FOUND", why, Nearest.to(q, keys.keySet(), 3));
            }
            User u = userNamed(keyAccount.get(q), k.userName());
            if (u == null) {
                throw new LookupException("PRINCIPAL_NOT_FOUND", "access key `" + q + "` belongs to user `"
                        + k.userName() + "`, who is not in the snapshot", List.of());
            }
            return new PrincipalRef(PrincipalRef.Kind.USER, u, u.accountId(), null,
                    "access key `" + q + "` (" + k.status() + ") of user `" + u.name() + "`");
        }
        if (UNIQUE_ID.matcher(q).matches()) {
            Principal p = byId.get(q);
            if (p == null) {
                throw new LookupException("PRINCIPAL_NOT_FOUND", "unique id `" + q + "` is not in the snapshot",
                        Nearest.to(q, byId.keySet(), 3));
            }
            return ref(p, null, "unique id `" + q + "`");
        }
        List<Principal> named = byName.get(q);
        if (named == null) {
            for (Map.Entry<String, List<Principal>> e : byName.entrySet()) {
                if (e.getKey().equalsIgnoreCase(q)) {
                    named = e.getValue();
                }
            }
        }
        if (named == null || named.isEmpty()) {
            for (Principal p : byArn.values()) {
                if (p instanceof Group && p.name().equals(q)) {
                    throw groupError(p);
                }
            }
            throw new LookupException("PRINCIPAL_NOT_FOUND", "no user or role named `" + q + "` in the snapshot",
                    Nearest.to(q, byName.keySet(), 3));
        }
        if (named.size() > 1) {
            throw new LookupException("PRINCIPAL_AMBIGUOUS", "`" + q + "` names " + named.size()
                    + " principals: give the ARN", named.stream().map(Principal::arn).toList());
        }
        return ref(named.get(0), null, null);
    }

    private PrincipalRef byArnQuery(String arn) {
        Principal direct = byArn.get(arn);
        if (direct != null && !(direct instanceof Group)) {
            return ref(direct, null, null); // the common case: an analysis resolving the principals it reached
        }
        Arn parsed = Arn.parse(arn).orElse(null);
        String account = parsed == null ? "" : parsed.account();
        String resource = parsed == null ? "" : parsed.resource();
        if (resource.equals("root") && arn.contains(":iam:")) {
            if (snapshot.account(account) == null) {
                throw new LookupException("PRINCIPAL_NOT_FOUND", "account `" + account + "` is not in the snapshot",
                        Nearest.to(account, snapshot.accounts().stream().map(Account::accountId).toList(), 3));
            }
            return new PrincipalRef(PrincipalRef.Kind.ROOT, null, account, null, null);
        }
        Principal p = direct;
        String session = null;
        if (p == null && resource.startsWith("assumed-role/")) {
            String[] parts = resource.split("/");
            p = byAccountAndName(account, "role", parts.length > 1 ? parts[1] : "");
            session = arn;
        }
        if (p == null && (resource.startsWith("user/") || resource.startsWith("role/")
                || resource.startsWith("group/"))) {
            // The path is part of the ARN; users often leave it out.
            String kind = resource.substring(0, resource.indexOf('/'));
            p = byAccountAndName(account, kind, resource.substring(resource.lastIndexOf('/') + 1));
        }
        if (p == null) {
            throw new LookupException("PRINCIPAL_NOT_FOUND", "`" + arn + "` is not a user or role of the snapshot",
                    Nearest.to(arn, byArn.keySet(), 3));
        }
        if (p instanceof Group) {
            throw groupError(p);
        }
        return ref(p, session, session == null ? null : "session `" + session + "`");
    }

    private static LookupException groupError(Principal g) {
        return new LookupException("PRINCIPAL_IS_GROUP", "`" + g.arn() + "` is a group: groups cannot make"
                + " requests (name one of its users)", List.of());
    }

    private Principal byAccountAndName(String account, String kind, String name) {
        for (Principal p : byArn.values()) {
            if (p.accountId().equals(account) && p.kindName().equals(kind) && p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private User userNamed(String account, String name) {
        Principal p = byAccountAndName(account, "user", name);
        return p instanceof User u ? u : null;
    }

    private static PrincipalRef ref(Principal p, String session, String via) {
        if (p instanceof User u) {
            return new PrincipalRef(PrincipalRef.Kind.USER, u, u.accountId(), null, via);
        }
        if (p instanceof Role r) {
            return new PrincipalRef(PrincipalRef.Kind.ROLE, r, r.accountId(), session, via);
        }
        throw groupError(p);
    }

    /** Whether the snapshot holds anything under this ARN: a resource, principal, managed policy or instance profile. */
    public boolean knows(String arn) {
        return resource(arn) != null || byArn.containsKey(arn) || policies.containsKey(arn)
                || instanceProfiles.contains(arn);
    }

    /** Resource ARNs closest to a mistyped one. */
    public List<String> nearestResources(String arn) {
        Set<String> names = new LinkedHashSet<>(resources.keySet());
        names.addAll(byArn.keySet());
        names.addAll(policies.keySet());
        return Nearest.to(arn, names, 3);
    }

    /** Every concrete action (no wildcard) named by a policy of the snapshot, for "did you mean". */
    public Set<String> actionsNamed() {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<PolicyDocument> docs = new ArrayList<>();
        for (Account a : snapshot.accounts()) {
            a.policies().forEach(p -> p.versions().forEach(v -> docs.add(v.document())));
            for (Principal p : a.users()) {
                p.inlinePolicies().forEach(i -> docs.add(i.document()));
            }
            for (Principal p : a.roles()) {
                p.inlinePolicies().forEach(i -> docs.add(i.document()));
            }
            for (Principal p : a.groups()) {
                p.inlinePolicies().forEach(i -> docs.add(i.document()));
            }
            a.resources().stream().filter(r -> r.policy() != null).forEach(r -> docs.add(r.policy()));
        }
        for (PolicyDocument d : docs) {
            if (d == null) {
                continue;
            }
            for (Statement s : d.statements()) {
                if (s.action() != null) {
                    s.action().patterns().stream().filter(x -> !x.contains("*") && !x.contains("?"))
                            .forEach(out::add);
                }
            }
        }
        return out;
    }
}
