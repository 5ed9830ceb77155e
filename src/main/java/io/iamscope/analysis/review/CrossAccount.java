package io.iamscope.analysis.review;

import io.iamscope.analysis.findings.Affected;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.Account;
import io.iamscope.model.Organization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.GraphPath;

/**
 * {@link FindingCode#CROSS_ACCOUNT_REACH}: for each account of the snapshot, what whoever controls it (its
 * account node: the root user or any administrator) can reach in the other accounts, one finding per pair of
 * accounts, with the first step across. An account is a security boundary (AWS whitepaper "Organizing your AWS
 * environment using multiple accounts"); a path across it makes the first account part of the second's. The
 * management account reaching its members is by design (OrganizationAccountAccessRole) and left out.
 */
final class CrossAccount implements ReviewCheck {
    @Override
    public String name() {
        return "cross-account";
    }

    @Override
    public List<Finding> run(ReviewContext c) {
        Organization org = c.organization();
        List<Finding> out = new ArrayList<>();
        for (Account a : c.snapshot().accounts()) {
            if (org != null && org.isManagementAccount(a.accountId())) {
                continue;
            }
            PrincipalNode root = c.graph().node("arn:aws:iam::" + a.accountId() + ":root").orElse(null);
            if (root == null) {
                continue;
            }
            Map<String, List<Map.Entry<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>>>> byAccount =
                    new LinkedHashMap<>();
            for (var e : c.graph().reachableFrom(root, c.options().limits()).entrySet()) {
                PrincipalNode n = e.getKey();
                boolean inSnapshot = n.account() != null && c.snapshot().account(n.account()) != null;
                if (inSnapshot && !n.account().equals(a.accountId()) && (n.kind() == NodeKind.USER
                        || n.kind() == NodeKind.ROLE || n.kind() == NodeKind.ROOT)) {
                    byAccount.computeIfAbsent(n.account(), k -> new ArrayList<>()).add(e);
                }
            }
            byAccount.forEach((other, reached) -> out.add(finding(c, a.accountId(), other, reached)));
        }
        return out;
    }

    private static Finding finding(ReviewContext c, String from, String to,
                                   List<Map.Entry<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>>> reached) {
        boolean controls = reached.stream().anyMatch(e -> e.getKey().kind() == NodeKind.ROOT);
        List<Affected> affected = new ArrayList<>();
        for (var e : reached) {
            if (e.getKey().kind() != NodeKind.ROOT) {
                List<AccessEdge> path = e.getValue().getEdgeList();
                List<String> keys = Cites.keys(path);
                affected.add(new Affected(e.getKey().arn(), !keys.isEmpty(), keys, Cites.path(path)));
            }
        }
        List<AccessEdge> first = reached.get(0).getValue().getEdgeList();
        AccessEdge across = first.stream().filter(e -> !to.equals(e.from().account()) && to.equals(e.to().account()))
                .findFirst().orElse(first.get(first.size() - 1));
        String fromName = Names.account(c.snapshot(), from);
        String toName = Names.account(c.snapshot(), to);
        Finding.Builder b = Finding.of(FindingCode.CROSS_ACCOUNT_REACH, across.to().arn()).key(from + " -> " + to)
                .title("control of " + fromName + " reaches " + Names.count(affected.size(), "principal") + " of "
                        + toName + (controls ? ", and control of it" : "") + ", entering through "
                        + Names.node(across.to()))
                .path(Cites.path(first)).affected(affected)
                .conditional(affected.stream().allMatch(Affected::conditional))
                .fact("first step across: " + Names.node(across.from()) + " -> " + Names.node(across.to()) + " ("
                        + across.technique() + ")")
                .fix("if " + fromName + " must act in " + toName + ", protect it as " + toName + " is protected (it"
                        + " is part of its boundary); otherwise narrow the step across: the trust policy of `"
                        + across.to().shortName() + "` or the permissions of `" + across.from().shortName() + "`");
        if (affected.stream().allMatch(Affected::conditional)) {
            affected.forEach(x -> b.conditionalOn(x.conditionKeys()));
        }
        across.evidence().forEach(e -> b.statements(Cites.check(e).grantedBy()));
        return b.build();
    }
}
