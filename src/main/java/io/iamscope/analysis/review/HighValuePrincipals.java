package io.iamscope.analysis.review;

import io.iamscope.access.Evidence;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.AccessKey;
import io.iamscope.model.Account;
import io.iamscope.model.Principal;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link FindingCode#HIGH_VALUE_PRINCIPAL}: the principals ranked by what their theft would give, from the
 * access graph for all at once ({@link ReachSets}): accounts controlled, then principals reachable, then how
 * exposed their credentials are (a user's active access keys first: the likeliest to leak). The first
 * {@code top} are listed with their figures, and for those only the data within reach is counted: every S3
 * bucket, KMS key and secret of an account they control (an administrator can grant itself the rest), and, in
 * the other accounts, what the engine lets the principals they reach do (s3:GetObject, kms:Decrypt,
 * secretsmanager:GetSecretValue).
 */
final class HighValuePrincipals implements ReviewCheck {
    /** The data-plane actions counted, per resource type. */
    private static final Map<String, String> DATA = Map.of("AWS::S3::Bucket", "s3:GetObject",
            "AWS::KMS::Key", "kms:Decrypt", "AWS::SecretsManager::Secret", "secretsmanager:GetSecretValue");
    /** Checks made per ranked principal at most, on the accounts it does not control. */
    private static final int MAX_CHECKS = 5_000;

    private record Rank(PrincipalNode node, int controls, int principals, int accounts, int credentials) {
    }

    @Override
    public String name() {
        return "blast-radius";
    }

    @Override
    public List<Finding> run(ReviewContext c) {
        ReachSets sets = ReachSets.of(c.graph());
        BitSet principals = new BitSet(sets.size());
        BitSet roots = new BitSet(sets.size());
        for (int i = 0; i < sets.size(); i++) {
            PrincipalNode n = sets.node(i);
            if (n.kind() == NodeKind.USER || n.kind() == NodeKind.ROLE) {
                principals.set(i);
            } else if (n.kind() == NodeKind.ROOT) {
                roots.set(i);
            }
        }
        Map<String, List<String>> keys = activeKeys(c);
        Map<Integer, int[]> byComponent = new HashMap<>();
        List<Rank> ranks = new ArrayList<>();
        for (int i = principals.nextSetBit(0); i >= 0; i = principals.nextSetBit(i + 1)) {
            PrincipalNode n = sets.node(i);
            if (c.index().principal(n.arn()) instanceof Role r && r.serviceLinked()) {
                continue;
            }
            int[] counts = byComponent.computeIfAbsent(sets.componentOf(n), k -> counts(sets, sets.of(n), principals,
                    roots));
            ranks.add(new Rank(n, counts[0], counts[1] - 1, counts[2], exposure(n, keys)));
        }
        ranks.sort(Comparator.comparingInt(Rank::controls).reversed().thenComparing(
                Comparator.comparingInt(Rank::principals).reversed()).thenComparing(
                Comparator.comparingInt(Rank::credentials).reversed()).thenComparing(r -> r.node().arn()));
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < Math.min(c.options().top(), ranks.size()); i++) {
            out.add(finding(c, sets, ranks.get(i), i + 1, keys.getOrDefault(ranks.get(i).node().arn(), List.of())));
        }
        return out;
    }

    /** Accounts controlled, principals reached (itself included), accounts reached. */
    private static int[] counts(ReachSets sets, BitSet reach, BitSet principals, BitSet roots) {
        BitSet p = (BitSet) reach.clone();
        p.and(principals);
        BitSet r = (BitSet) reach.clone();
        r.and(roots);
        Set<String> accounts = new LinkedHashSet<>();
        for (int i = p.nextSetBit(0); i >= 0; i = p.nextSetBit(i + 1)) {
            accounts.add(sets.node(i).account());
        }
        return new int[] {r.cardinality(), p.cardinality(), accounts.size()};
    }

    /** 3: a user with active access keys, 1: another user, 0: a role. */
    private static int exposure(PrincipalNode n, Map<String, List<String>> keys) {
        if (n.kind() != NodeKind.USER) {
            return 0;
        }
        return keys.containsKey(n.arn()) ? 3 : 1;
    }

    /** The active access keys of each user, by the user's ARN. */
    private static Map<String, List<String>> activeKeys(ReviewContext c) {
        Map<String, List<String>> out = new HashMap<>();
        for (Account a : c.snapshot().accounts()) {
            Map<String, String> arns = new HashMap<>();
            a.users().forEach(u -> arns.put(u.name(), u.arn()));
            for (AccessKey k : a.accessKeys()) {
                String arn = arns.get(k.userName());
                if (k.active() && arn != null) {
                    out.computeIfAbsent(arn, x -> new ArrayList<>()).add(k.accessKeyId());
                }
            }
        }
        return out;
    }

    /**
     * The services the Allow statements of the principal and those it reaches name (an upper bound: a service
     * named may still be denied); every service of the catalog for an account it controls.
     */
    private static long services(ReviewContext c, PrincipalNode self, List<PrincipalNode> reached) {
        Set<String> out = new LinkedHashSet<>();
        List<PrincipalNode> all = new ArrayList<>(reached);
        all.add(self);
        for (PrincipalNode n : all.subList(0, Math.min(all.size(), 200))) {
            Principal p = c.index().principal(n.arn());
            if (p == null) {
                continue;
            }
            List<io.iamscope.policy.PolicyDocument> docs = new ArrayList<>();
            List<Principal> holders = new ArrayList<>(List.of(p));
            if (p instanceof User u) {
                holders.addAll(c.index().groupsOf(u));
            }
            for (Principal h : holders) {
                h.inlinePolicies().forEach(i -> docs.add(i.document()));
                for (String arn : h.attachedPolicyArns()) {
                    io.iamscope.model.ManagedPolicy m = c.index().managedPolicy(arn);
                    if (m != null && m.document() != null) {
                        docs.add(m.document());
                    }
                }
            }
            for (io.iamscope.policy.PolicyDocument d : docs) {
                for (io.iamscope.policy.Statement s : d.statements()) {
                    if (s.effect() != io.iamscope.policy.Effect.ALLOW || s.action() == null) {
                        continue;
                    }
                    if (s.action().negated()) {
                        return c.catalog().services().size();
                    }
                    for (String pattern : s.action().patterns()) {
                        for (int id : c.catalog().expand(pattern)) {
                            out.add(c.catalog().action(id).service());
                        }
                    }
                }
            }
        }
        return out.size();
    }

    private static Finding finding(ReviewContext c, ReachSets sets, Rank r, int rank, List<String> keys) {
        BitSet reach = sets.of(r.node());
        Set<String> controlled = new LinkedHashSet<>();
        List<PrincipalNode> others = new ArrayList<>();
        for (int i = reach.nextSetBit(0); i >= 0; i = reach.nextSetBit(i + 1)) {
            PrincipalNode n = sets.node(i);
            if (n.kind() == NodeKind.ROOT) {
                controlled.add(n.account());
            }
        }
        for (int i = reach.nextSetBit(0); i >= 0; i = reach.nextSetBit(i + 1)) {
            PrincipalNode n = sets.node(i);
            if ((n.kind() == NodeKind.USER || n.kind() == NodeKind.ROLE) && !controlled.contains(n.account())) {
                others.add(n);
            }
        }
        int[] data = new int[3];
        List<String> types = List.of("AWS::S3::Bucket", "AWS::KMS::Key", "AWS::SecretsManager::Secret");
        int checks = 0;
        boolean capped = false;
        for (Account a : c.snapshot().accounts()) {
            for (Resource res : a.resources()) {
                int t = types.indexOf(res.type());
                if (t < 0) {
                    continue;
                }
                if (controlled.contains(a.accountId())) {
                    data[t]++;
                    continue;
                }
                String target = t == 0 ? res.arn() + "/*" : res.arn();
                for (PrincipalNode n : others) {
                    if (checks++ >= MAX_CHECKS) {
                        capped = true;
                        break;
                    }
                    Evidence e = c.checker().check(c.index().resolvePrincipal(n.arn()), DATA.get(res.type()), target,
                            c.context());
                    if (e.allows()) {
                        data[t]++;
                        break;
                    }
                }
            }
        }
        Finding.Builder b = Finding.of(FindingCode.HIGH_VALUE_PRINCIPAL, r.node().arn()).key("")
                .title("#" + rank + " " + Names.node(r.node()) + ": controls " + Names.count(r.controls(), "account")
                        + ", reaches " + Names.count(r.principals(), "principal") + " in "
                        + Names.count(r.accounts(), "account") + "; data: " + data[0] + " S3 bucket(s), " + data[1]
                        + " KMS key(s), " + data[2] + " secret(s)")
                .figure("rank", rank).figure("accountsControlled", r.controls()).figure("accountsReached", r.accounts())
                .figure("principalsReachable", r.principals())
                .figure("services", controlled.isEmpty() ? services(c, r.node(), others) : c.catalog().services().size())
                .figure("s3Buckets", data[0])
                .figure("kmsKeys", data[1]).figure("secrets", data[2]);
        if (!controlled.isEmpty()) {
            b.fact("controls " + String.join(", ", controlled.stream().map(a -> Names.account(c.snapshot(), a))
                    .toList()) + ": every principal, and every resource SCPs and RCPs let an administrator reach");
        }
        if (!keys.isEmpty()) {
            b.fact("long-term credentials: active access key(s) " + String.join(", ", keys));
            b.figure("activeAccessKeys", keys.size());
        }
        if (capped) {
            b.fact("data outside the accounts it controls counted on the first " + MAX_CHECKS + " checks only");
        }
        String fix = r.node().kind() == NodeKind.USER
                ? "protect it first: replace its access keys with roles or require MFA for its requests, put a"
                + " permissions boundary on it, and alert on its use (iamscope blast-radius gives hunting queries)"
                : "protect it first: narrow who can assume it and require MFA where people do, put a permissions"
                + " boundary on it, and alert on its use (iamscope blast-radius gives hunting queries)";
        return b.fix(fix).build();
    }
}
