package io.iamscope.analysis.blast.enumerate;

import io.iamscope.analysis.Hop;
import io.iamscope.analysis.blast.enumerate.Subject;
import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import io.iamscope.graph.AccessGraph;
import io.iamscope.access.AdminCheck;
import io.iamscope.access.AdminStatus;
import io.iamscope.model.Account;
import io.iamscope.model.OrgLevel;
import io.iamscope.model.OrgPolicy;
import io.iamscope.model.Organization;
import io.iamscope.model.Principal;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PrincipalType;
import io.iamscope.policy.Statement;
import io.iamscope.policy.ConditionClause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which reachable principals a blast radius enumerates, and how. In an account where the attacker reaches an
 * administrator, that administrator's access stands for every other
 * principal of the account on the actions its own policies allow everywhere ({@link Unrestricted}): there it
 * may do whatever they may, and it can become any of them (the graph's account node). Enumerating each of
 * thousands of principals there would repeat the administrator's answer. The others are enumerated on the
 * administrator's gap, the actions it may not do everywhere (an administrator denied iam:GetRole does not
 * stand for a principal that may read roles).
 *
 * <p>Also enumerated, where a policy tells principals of one account apart:
 * <ul>
 *   <li>a resource policy whose Principal or NotPrincipal names the principal's ARN, in an Allow or a Deny:
 *       the principal is enumerated on those resources;</li>
 *   <li>a resource policy with a condition on a key of the calling principal ({@code aws:PrincipalArn},
 *       {@code aws:PrincipalTag/...}, {@code aws:userid}, {@code aws:username}...) or of its credential
 *       ({@code aws:TokenIssueTime}, {@code aws:MultiFactorAuthPresent}: a user's keys and a role session carry
 *       them differently): every principal is enumerated on that resource;</li>
 *   <li>the same in a role's trust policy: enumerated on that role for the trust actions only
 *       ({@link io.iamscope.eval.TrustActions}: sts:AssumeRole and its kin, TagSession, SetSourceIdentity,
 *       SetContext), the only requests a trust policy takes part in; IAM's own actions on the role
 *       (iam:UpdateRole...) do not read it (IAM User Guide, "Policy evaluation logic": a role's trust policy
 *       is its resource-based policy for assuming it);</li>
 *   <li>an SCP or RCP of the account testing such a key, or a service-linked role (SCPs do not apply to it):
 *       enumerated in full; an RCP testing such a key also has every principal, of any account, enumerated
 *       on the resources and roles of the account it governs;</li>
 *   <li>the actions of an SCP of the account, or of any RCP, whose statement has a condition on a key that is
 *       not the same for every principal of an account (a region lock, say): enumerated on the resources its
 *       own policies name for them. Such a condition can be known on a resource a policy names (a function
 *       ARN in us-east-1) and unknown on {@code *}, all the administrator's policy names: its grant there
 *       would be conditional where the principal's is definite. On {@code *} and the snapshot's resources
 *       the administrator is asked the same question.</li>
 * </ul>
 *
 * @param full      principals enumerated on every action and resource
 * @param partial   principals the administrator stands for that are still enumerated in part ({@link Where})
 * @param coveredBy principals not enumerated in full, with the administrator whose access stands for theirs
 * @param covers    per such administrator, its account's stand-ins and what they leave uncovered
 */
public record EnumerationPlan(Map<String, Subject> full, Map<String, Where> partial,
                       Map<String, String> coveredBy, Map<String, Cover> covers) {

    /**
     * Where a principal the administrator stands for is still enumerated: the {@code actions} the administrator
     * may not do everywhere (its gap, {@link Unrestricted}), every action on {@code resources}, the trust
     * actions on {@code roles}, and the actions of {@code onNamed} on the resources its own policies name (not
     * {@code *}, not the snapshot's resources) where such a name may decide a condition on {@code namedKeys}
     * (lower case) otherwise than {@code *} does.
     */
    public record Where(ActionSet actions, List<String> resources, List<String> roles, ActionSet onNamed,
                        Set<String> namedKeys) {
        public Where {
            resources = List.copyOf(resources);
            roles = List.copyOf(roles);
            namedKeys = Set.copyOf(namedKeys);
        }

        public boolean isEmpty() {
            return actions.isEmpty() && resources.isEmpty() && roles.isEmpty() && onNamed.isEmpty();
        }
    }

    /**
     * The principals that stand for the others of one account. {@code admin} is enumerated in full; each of
     * {@code more} on the actions it adds; together their own policies allow everywhere all but {@code gap}.
     * They are all reached by paths that depend on the unknown keys {@code pathKeys} (none: definite paths), and
     * stand only for principals whose own path depends on at least those keys: their access is then reached under
     * no more conditions than that principal's own, so the report neither drops nor hardens any of it.
     */
    public record Cover(String admin, Map<String, ActionSet> more, ActionSet gap, Set<String> pathKeys) {
        public Cover {
            more = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(more));
            pathKeys = Set.copyOf(pathKeys);
        }

        /** Whether these stand-ins may stand for a principal reached by a path that depends on {@code keys}. */
        boolean standsFor(Set<String> keys) {
            return keys.containsAll(pathKeys);
        }
    }

    /** At most this many stand-ins per account: each further one is a pass over every administrator. */
    static final int MAX_STAND_INS = 32;

    /**
     * @param unrestricted what a principal's own policies allow everywhere ({@link Unrestricted}): a stand-in
     *                     stands for the others only on those actions
     */
    public static EnumerationPlan of(SnapshotIndex index, Catalog catalog, AccessGraph graph, String startArn,
                                     Map<String, Subject> subjects, Function<PrincipalRef, ActionSet> unrestricted) {
        Distinctions d = Distinctions.of(index, catalog);
        Map<String, List<Cover>> byAccount = covers(index, graph, subjects, d, unrestricted);
        Set<String> standIns = new HashSet<>();
        byAccount.values().forEach(cs -> cs.forEach(c -> standIns.add(c.admin())));
        Map<String, Subject> full = new LinkedHashMap<>();
        Map<String, Where> partial = new LinkedHashMap<>();
        Map<String, String> covered = new LinkedHashMap<>();
        subjects.forEach((arn, s) -> {
            String account = s.ref().accountId();
            List<Cover> accountCovers = byAccount.getOrDefault(account, List.of());
            Set<String> keys = new HashSet<>(Hop.keys(s.path()));
            // Of the covers that may stand for it, the one that leaves it least to enumerate: one reached under fewer
            // keys may have a larger gap (an administrator only under a region lock, allowing little unconditionally).
            Cover cover = accountCovers.stream().filter(c -> c.standsFor(keys))
                    .min(java.util.Comparator.comparingInt(c -> c.gap().size())).orElse(null);
            Principal p = index.principal(arn);
            boolean serviceLinked = p instanceof Role r && r.serviceLinked();
            if (arn.equals(startArn) || cover == null || standIns.contains(arn) || serviceLinked
                    || d.principalKeyAccounts.contains(account)) {
                full.put(arn, s);
                return;
            }
            covered.put(arn, cover.admin());
            // Its own cover's gap, and whatever any cover of its account counts on it for.
            ActionSet actions = cover.gap();
            for (Cover c : accountCovers) {
                if (c.more().containsKey(arn)) {
                    actions = actions.union(c.more().get(arn));
                }
            }
            Set<String> on = new LinkedHashSet<>(d.named.getOrDefault(arn, Set.of()));
            on.addAll(d.principalKeyResources);
            Set<String> roles = new LinkedHashSet<>(d.trustNamed.getOrDefault(arn, Set.of()));
            roles.addAll(d.principalKeyRoles);
            roles.removeAll(on);
            Conditioned conditioned = d.conditioned(account);
            ActionSet onNamed = conditioned.actions().minus(actions);
            Where where = new Where(actions, List.copyOf(on), List.copyOf(roles), onNamed,
                    onNamed.isEmpty() ? Set.of() : conditioned.keys());
            if (!where.isEmpty()) {
                partial.put(arn, where);
            }
        });
        Map<String, Cover> byAdmin = new LinkedHashMap<>();
        byAccount.values().forEach(cs -> cs.forEach(c -> byAdmin.put(c.admin(), c)));
        return new EnumerationPlan(full, partial, covered, byAdmin);
    }

    /**
     * Per account, the stand-ins: among the administrators (admin-equivalent by their own permissions, named by
     * no policy: a Deny naming one would make it a poor stand-in), greedily the one whose own
     * policies allow the most actions everywhere, then those that add most to what the chosen ones cover, until
     * none adds anything or {@link #MAX_STAND_INS} are chosen (what is left is enumerated for every principal:
     * slower, never less). One set of stand-ins per set of unknown keys their paths depend on, those of definite
     * paths first: where every path is conditional (a region-lock SCP on the start's escalation, say), the
     * principals reached under the same keys still share stand-ins instead of each being enumerated in full.
     */
    private static Map<String, List<Cover>> covers(SnapshotIndex index, AccessGraph graph,
                                                   Map<String, Subject> subjects, Distinctions d,
                                                   Function<PrincipalRef, ActionSet> unrestricted) {
        record Group(String account, Set<String> pathKeys) {
        }
        Map<Group, Map<String, ActionSet>> candidates = new LinkedHashMap<>();
        // A group where an administrator allows every action everywhere needs no other: the rest are skipped.
        Set<Group> complete = new HashSet<>();
        subjects.forEach((arn, s) -> {
            Principal p = index.principal(arn);
            Group group = new Group(s.ref().accountId(), Set.copyOf(Hop.keys(s.path())));
            if (complete.contains(group) || d.named.containsKey(arn) || d.trustNamed.containsKey(arn) || p == null
                    || p instanceof Role r && r.serviceLinked()) {
                return;
            }
            // An administrator only under some keys (an SCP's region lock, say) may stand in too: it stands for the
            // others only on what its own identity policies and boundary allow everywhere without a condition
            // (Unrestricted), and every other layer, the conditional one included, decides its requests and theirs
            // alike; an SCP or RCP testing a key of the caller has the account's principals enumerated in full.
            AdminStatus a = graph.node(arn).map(graph::admin).orElse(AdminStatus.NOT_ADMIN);
            if (a.admin() && AdminCheck.BY_OWN_PERMISSIONS.equals(a.how())) {
                ActionSet u = unrestricted.apply(s.ref());
                if (u.complement().isEmpty()) {
                    candidates.put(group, new LinkedHashMap<>(Map.of(arn, u)));
                    complete.add(group);
                } else if (!u.isEmpty()) {
                    candidates.computeIfAbsent(group, k -> new LinkedHashMap<>()).put(arn, u);
                }
            }
        });
        Map<String, List<Cover>> out = new HashMap<>();
        candidates.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt(e -> e.getKey().pathKeys().size()))
                .forEach(entry -> {
            String account = entry.getKey().account();
            Map<String, ActionSet> byArn = entry.getValue();
            // Stand-ins that leave nothing out, reached under fewer keys, already stand for this group's principals.
            if (out.getOrDefault(account, List.of()).stream()
                    .anyMatch(c -> c.gap().isEmpty() && c.standsFor(entry.getKey().pathKeys()))) {
                return;
            }
            String admin = null;
            ActionSet covered = null;
            Map<String, ActionSet> more = new LinkedHashMap<>();
            while (more.size() + 1 < MAX_STAND_INS) {
                String best = null;
                ActionSet bestAdds = null;
                for (Map.Entry<String, ActionSet> e : byArn.entrySet()) {
                    ActionSet adds = covered == null ? e.getValue() : e.getValue().minus(covered);
                    if (adds.size() > (bestAdds == null ? 0 : bestAdds.size())) {
                        best = e.getKey();
                        bestAdds = adds;
                    }
                }
                if (best == null) {
                    break;
                }
                if (admin == null) {
                    admin = best;
                } else {
                    more.put(best, bestAdds);
                }
                covered = covered == null ? bestAdds : covered.union(bestAdds);
            }
            out.computeIfAbsent(account, k -> new ArrayList<>())
                    .add(new Cover(admin, more, covered.complement(), entry.getKey().pathKeys()));
        });
        return out;
    }

    /**
     * The actions of an SCP's or RCP's statements whose condition may decide a named resource otherwise than
     * {@code *} ({@link Distinctions#tellsResourcesApart}), and the keys (lower case) of those conditions.
     */
    private record Conditioned(ActionSet actions, Set<String> keys) {
        static Conditioned none(Catalog catalog) {
            return new Conditioned(catalog.none(), Set.of());
        }

        static Conditioned of(PolicyDocument doc, Catalog catalog) {
            ActionSet actions = catalog.none();
            Set<String> keys = new HashSet<>();
            for (Statement s : doc == null ? List.<Statement>of() : doc.statements()) {
                if (Distinctions.tellsResourcesApart(s)) {
                    // A statement without Action is refused by IAM; counting it as every action is the safe side.
                    actions = actions.union(s.action() == null ? catalog.all()
                            : StatementActions.of(catalog, s.action()));
                    s.conditions().forEach(c -> keys.add(c.key().toLowerCase(Locale.ROOT)));
                }
            }
            return new Conditioned(actions, Set.copyOf(keys));
        }

        Conditioned union(Conditioned other) {
            Set<String> all = new HashSet<>(keys);
            all.addAll(other.keys);
            return new Conditioned(actions.union(other.actions), Set.copyOf(all));
        }
    }

    /** What in the snapshot's policies tells principals of one account apart. */
    private static final class Distinctions {
        /** Principal ARN -> resources whose policy names it. */
        final Map<String, Set<String>> named = new HashMap<>();
        /** Resources whose policy tests a key of the calling principal. */
        final Set<String> principalKeyResources = new LinkedHashSet<>();
        /** Principal ARN -> roles whose trust policy names it. */
        final Map<String, Set<String>> trustNamed = new HashMap<>();
        /** Roles whose trust policy tests a key of the calling principal. */
        final Set<String> principalKeyRoles = new LinkedHashSet<>();
        /** Accounts whose SCPs or RCPs test a key of the calling principal. */
        final Set<String> principalKeyAccounts = new HashSet<>();
        /** Per account, what its SCPs' conditions may decide otherwise on a named resource than on {@code *}. */
        final Map<String, Conditioned> scpConditioned = new HashMap<>();
        /** The same of every RCP: a principal may call any account. */
        Conditioned rcpConditioned;

        Conditioned conditioned(String account) {
            Conditioned scp = scpConditioned.get(account);
            return scp == null ? rcpConditioned : scp.union(rcpConditioned);
        }

        static Distinctions of(SnapshotIndex index, Catalog catalog) {
            Distinctions d = new Distinctions();
            d.rcpConditioned = Conditioned.none(catalog);
            for (Account a : index.snapshot().accounts()) {
                for (Resource r : a.resources()) {
                    scan(r.policy(), governed(r), d.named, d.principalKeyResources);
                }
                for (Role r : a.roles()) {
                    scan(r.trustPolicy(), List.of(r.arn()), d.trustNamed, d.principalKeyRoles);
                }
            }
            Organization org = index.snapshot().organization();
            if (org != null) {
                for (Account a : index.snapshot().accounts()) {
                    List<OrgLevel> levels = org.levels(a.accountId());
                    for (OrgLevel level : levels == null ? List.<OrgLevel>of() : levels) {
                        List<OrgPolicy> all = new ArrayList<>(level.scps());
                        all.addAll(level.rcps());
                        for (OrgPolicy p : level.scps()) {
                            d.scpConditioned.merge(a.accountId(), Conditioned.of(p.content(), catalog),
                                    Conditioned::union);
                        }
                        for (OrgPolicy p : level.rcps()) {
                            d.rcpConditioned = d.rcpConditioned.union(Conditioned.of(p.content(), catalog));
                        }
                        for (OrgPolicy p : all) {
                            if (testsPrincipalKeys(p.content())) {
                                d.principalKeyAccounts.add(a.accountId());
                            }
                        }
                        // An RCP governs requests to the account's resources from any account: one testing the
                        // caller's identity tells apart principals of other accounts too.
                        if (level.rcps().stream().anyMatch(p -> testsPrincipalKeys(p.content()))) {
                            for (Resource r : a.resources()) {
                                d.principalKeyResources.addAll(governed(r));
                            }
                            a.roles().forEach(r -> d.principalKeyRoles.add(r.arn()));
                        }
                    }
                }
            }
            return d;
        }

        /** The ARNs a resource's policy governs: a bucket's objects too, as {@code bucket/*}. */
        private static List<String> governed(Resource r) {
            return r.arn().startsWith("arn:aws:s3:::") && !r.arn().contains("/") ? List.of(r.arn(), r.arn() + "/*")
                    : List.of(r.arn());
        }

        private static void scan(PolicyDocument doc, List<String> resources, Map<String, Set<String>> named,
                                 Set<String> principalKeyResources) {
            if (doc == null) {
                return;
            }
            for (Statement s : doc.statements()) {
                if (s.principal() != null) {
                    for (String p : s.principal().of(PrincipalType.AWS)) {
                        if (p.contains(":user/") || p.contains(":role/") || p.contains(":assumed-role/")
                                || p.contains(":federated-user/")) {
                            named.computeIfAbsent(p, k -> new LinkedHashSet<>()).addAll(resources);
                        }
                    }
                }
                if (testsPrincipalKeys(s)) {
                    principalKeyResources.addAll(resources);
                }
            }
        }

        /**
         * A condition on a key other than those every principal of an account shares (its organization, OU path):
         * such a key may be read from the request's resource, so {@code *} and a named resource may be decided apart.
         */
        private static boolean tellsResourcesApart(Statement s) {
            return s.conditions().stream()
                    .anyMatch(c -> !SAME_ACROSS_ACCOUNT.contains(c.key().toLowerCase(Locale.ROOT)));
        }


        private static boolean testsPrincipalKeys(PolicyDocument doc) {
            return doc != null && doc.statements().stream().anyMatch(Distinctions::testsPrincipalKeys);
        }

        private static boolean testsPrincipalKeys(Statement s) {
            for (ConditionClause c : s.conditions()) {
                String k = c.key().toLowerCase(Locale.ROOT);
                if (k.startsWith("aws:principal") && !SAME_ACROSS_ACCOUNT.contains(k) || k.equals("aws:userid")
                        || k.equals("aws:username") || k.equals("aws:sourceidentity")
                        || k.startsWith("aws:federatedprovider") || CREDENTIAL_KEYS.contains(k)) {
                    return true;
                }
                for (String v : c.values()) {
                    if (v.contains("${")) {
                        return true; // a variable may name the caller (${aws:username}): assume it does
                    }
                }
            }
            return false;
        }

        /**
         * Keys of the caller that every user and role of one account shares (IAM User Guide, "AWS global condition
         * context keys": the account, its organization and OU path, and that the caller is not an AWS service):
         * a data-perimeter SCP or RCP testing them decides a stand-in and the principals it stands for alike.
         */
        /**
         * Keys of the credential that signs the request, which differ between a user's access keys and a role
         * session (docs/attacker-context.md): a policy testing them may decide a stand-in and another principal
         * of its account apart.
         */
        private static final Set<String> CREDENTIAL_KEYS = Set.of("aws:tokenissuetime", "aws:multifactorauthpresent",
                "aws:multifactorauthage");

        private static final Set<String> SAME_ACROSS_ACCOUNT = Set.of("aws:principalaccount", "aws:principalorgid",
                "aws:principalorgpaths", "aws:principalisawsservice");
    }
}
