package io.iamscope.analysis.blast;

import io.iamscope.analysis.blast.BlastRadiusAnalysis.Subject;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.AdminCheck;
import io.iamscope.graph.AdminStatus;
import io.iamscope.model.Account;
import io.iamscope.model.OrgLevel;
import io.iamscope.model.OrgPolicy;
import io.iamscope.model.Organization;
import io.iamscope.model.Principal;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PrincipalType;
import io.iamscope.policy.Statement;
import io.iamscope.policy.condition.ConditionClause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which reachable principals a blast radius enumerates, and how. In an account where the attacker reaches an
 * administrator (definitely, by a definite path), that administrator's access stands for every other
 * principal of the account: it may do whatever they may, and can become any of them (the graph's account
 * node). Enumerating each of thousands of principals there would repeat the administrator's answer.
 *
 * <p>Exceptions, where a policy tells principals of one account apart (each enumerated as it needs):
 * <ul>
 *   <li>a resource or trust policy whose Principal or NotPrincipal names the principal's ARN, in an Allow or
 *       a Deny: the principal is enumerated on those resources;</li>
 *   <li>a resource policy with a condition on a key of the calling principal ({@code aws:PrincipalArn},
 *       {@code aws:PrincipalTag/...}, {@code aws:userid}, {@code aws:username}...): every principal is
 *       enumerated on that resource;</li>
 *   <li>an SCP or RCP of the account testing such a key, or a service-linked role (SCPs do not apply to it):
 *       enumerated in full.</li>
 * </ul>
 *
 * @param full      principals enumerated on every action and resource
 * @param partial   principals enumerated only on the listed resources (ARNs)
 * @param coveredBy principals not enumerated, with the administrator whose access stands for theirs
 */
record EnumerationPlan(Map<String, Subject> full, Map<String, List<String>> partial,
                       Map<String, String> coveredBy) {

    static EnumerationPlan of(SnapshotIndex index, AccessGraph graph, String startArn, Map<String, Subject> subjects) {
        Distinctions d = Distinctions.of(index);
        Map<String, String> admins = coveringAdmins(index, graph, subjects, d);
        Map<String, Subject> full = new LinkedHashMap<>();
        Map<String, List<String>> partial = new LinkedHashMap<>();
        Map<String, String> covered = new LinkedHashMap<>();
        subjects.forEach((arn, s) -> {
            String account = s.ref().accountId();
            String admin = admins.get(account);
            Principal p = index.principal(arn);
            boolean serviceLinked = p instanceof Role r && r.serviceLinked();
            if (arn.equals(startArn) || admin == null || admin.equals(arn) || serviceLinked
                    || d.principalKeyAccounts.contains(account)) {
                full.put(arn, s);
                return;
            }
            Set<String> on = new LinkedHashSet<>(d.named.getOrDefault(arn, Set.of()));
            on.addAll(d.principalKeyResources);
            if (on.isEmpty()) {
                covered.put(arn, admin);
            } else {
                partial.put(arn, List.copyOf(on));
            }
        });
        return new EnumerationPlan(full, partial, covered);
    }

    /**
     * Per account, the administrator whose enumeration stands for the others: admin-equivalent by its own
     * permissions, definitely, reached by a definite path (the start first, then nearest), and named by no
     * policy (a Deny naming it would make it a poor stand-in).
     */
    private static Map<String, String> coveringAdmins(SnapshotIndex index, AccessGraph graph,
                                                      Map<String, Subject> subjects, Distinctions d) {
        Map<String, String> out = new HashMap<>();
        subjects.forEach((arn, s) -> {
            String account = s.ref().accountId();
            if (out.containsKey(account) || s.pathConditional() || d.named.containsKey(arn)
                    || index.principal(arn) == null) {
                return;
            }
            AdminStatus a = graph.node(arn).map(graph::admin).orElse(AdminStatus.NOT_ADMIN);
            if (a.admin() && !a.conditional() && AdminCheck.BY_OWN_PERMISSIONS.equals(a.how())) {
                out.put(account, arn);
            }
        });
        return out;
    }

    /** What in the snapshot's policies tells principals of one account apart. */
    private static final class Distinctions {
        /** Principal ARN -> resources whose policy names it. */
        final Map<String, Set<String>> named = new HashMap<>();
        /** Resources whose policy tests a key of the calling principal. */
        final Set<String> principalKeyResources = new LinkedHashSet<>();
        /** Accounts whose SCPs or RCPs test a key of the calling principal. */
        final Set<String> principalKeyAccounts = new HashSet<>();

        static Distinctions of(SnapshotIndex index) {
            Distinctions d = new Distinctions();
            for (Account a : index.snapshot().accounts()) {
                for (Resource r : a.resources()) {
                    List<String> arns = new ArrayList<>(List.of(r.arn()));
                    if (r.arn().startsWith("arn:aws:s3:::") && !r.arn().contains("/")) {
                        arns.add(r.arn() + "/*"); // the bucket policy governs its objects
                    }
                    d.scan(r.policy(), arns);
                }
                for (Role r : a.roles()) {
                    d.scan(r.trustPolicy(), List.of(r.arn()));
                }
            }
            Organization org = index.snapshot().organization();
            if (org != null) {
                for (Account a : index.snapshot().accounts()) {
                    List<OrgLevel> levels = org.levels(a.accountId());
                    for (OrgLevel level : levels == null ? List.<OrgLevel>of() : levels) {
                        List<OrgPolicy> all = new ArrayList<>(level.scps());
                        all.addAll(level.rcps());
                        for (OrgPolicy p : all) {
                            if (testsPrincipalKeys(p.content())) {
                                d.principalKeyAccounts.add(a.accountId());
                            }
                        }
                    }
                }
            }
            return d;
        }

        private void scan(PolicyDocument doc, List<String> resources) {
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

        private static boolean testsPrincipalKeys(PolicyDocument doc) {
            return doc != null && doc.statements().stream().anyMatch(Distinctions::testsPrincipalKeys);
        }

        private static boolean testsPrincipalKeys(Statement s) {
            for (ConditionClause c : s.conditions()) {
                String k = c.key().toLowerCase(Locale.ROOT);
                if (k.startsWith("aws:principal") || k.equals("aws:userid") || k.equals("aws:username")
                        || k.equals("aws:sourceidentity") || k.startsWith("aws:federatedprovider")) {
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
    }
}
