package io.iamscope.analysis.review;

import io.iamscope.access.AdminStatus;
import io.iamscope.access.Evidence;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.eval.StatementRef;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.EdgeKind;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.Group;
import io.iamscope.model.Principal;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link FindingCode#ADMIN_PRINCIPAL}: every user and role admin-equivalent by its own permissions, with the
 * statements that make it one, how each reaches it (attached to it, through a group) and, for a role, who can
 * assume it (its trust chain).
 */
final class Administrators implements ReviewCheck {
    @Override
    public String name() {
        return "admin";
    }

    @Override
    public List<Finding> run(ReviewContext c) {
        List<PrincipalNode> nodes = new ArrayList<>(c.graph().graph().vertexSet());
        nodes.sort(Comparator.comparing(PrincipalNode::arn));
        List<Finding> out = new ArrayList<>();
        for (PrincipalNode n : nodes) {
            if ((n.kind() == NodeKind.USER || n.kind() == NodeKind.ROLE) && c.adminReach().isAdmin(n)) {
                out.add(admin(c, n));
            }
        }
        return out;
    }

    private static Finding admin(ReviewContext c, PrincipalNode n) {
        AdminStatus s = c.graph().admin(n);
        Principal p = c.index().principal(n.arn());
        Set<StatementRef> grants = new LinkedHashSet<>();
        for (Evidence e : s.evidence()) {
            StatementRef r = StatementRef.granting(e.grantedBy());
            if (r != null) {
                grants.add(r);
            }
        }
        Set<String> how = new LinkedHashSet<>();
        Finding.Builder b = Finding.of(FindingCode.ADMIN_PRINCIPAL, n.arn()).conditionalOn(s.condition().keys());
        for (StatementRef r : grants) {
            b.statement(Cites.statement(r, null, "*"));
            how.add(how(c, p, r));
        }
        List<String> assumedBy = new ArrayList<>();
        for (AccessEdge e : c.graph().graph().incomingEdgesOf(n)) {
            if (e.kind() == EdgeKind.ASSUME) {
                assumedBy.add(Names.node(e.from()) + (e.conditional() ? " (if " + String.join(", ", e.condition().keys())
                        + ")" : ""));
            }
        }
        how.forEach(h -> b.fact("admin through " + h));
        if (!assumedBy.isEmpty()) {
            b.fact("can be assumed by: " + String.join("; ", assumedBy));
        }
        if (p instanceof Role r && r.trustPolicy() != null && assumedBy.isEmpty()) {
            b.fact("no principal of the access graph can assume it as the attacker (its trust policy's conditions,"
                    + " or no one it names has the permission)");
        }
        return b.title(Names.node(n) + " is an administrator (" + String.join("; ", how) + ")")
                .fix("keep administrators few and intended: require MFA to use it, alert on its use, and prefer"
                        + " narrower roles for daily work")
                .build();
    }

    /** {@code managed policy `AdministratorAccess` (through group `admins`)}. */
    private static String how(ReviewContext c, Principal p, StatementRef r) {
        PolicyOwners.Owner owner = c.owners().of(r.location());
        if (owner == null) {
            return "`" + r.policy() + "`";
        }
        if (p instanceof User u && owner.arn().contains(":policy/") && !u.attachedPolicyArns().contains(owner.arn())) {
            for (Group g : c.index().groupsOf(u)) {
                if (g.attachedPolicyArns().contains(owner.arn())) {
                    return owner.what() + " through group `" + g.name() + "`";
                }
            }
        }
        return owner.what();
    }
}
