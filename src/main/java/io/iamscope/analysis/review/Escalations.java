package io.iamscope.analysis.review;

import io.iamscope.access.Evidence;
import io.iamscope.analysis.findings.Affected;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link FindingCode#PRIVILEGE_ESCALATION}: every user and role that is not an administrator but can become one,
 * with its shortest path ({@link AdminReach}), grouped by the statement that opens the path's last step, so that
 * one fix that closes many paths is one finding with its count. {@link FindingCode#OUTSIDER_REACHES_ADMIN}: the
 * same for identities outside the snapshot. Service-linked roles are left out: only their service can use them
 * and their policies cannot be changed.
 */
final class Escalations implements ReviewCheck {
    @Override
    public String name() {
        return "escalation";
    }

    @Override
    public List<Finding> run(ReviewContext c) {
        AdminReach reach = c.adminReach();
        AccessGraph graph = c.graph();
        StatementGroups groups = new StatementGroups();
        List<Finding> out = new ArrayList<>();
        List<PrincipalNode> nodes = new ArrayList<>(graph.graph().vertexSet());
        nodes.sort(Comparator.comparing(PrincipalNode::arn));
        for (PrincipalNode n : nodes) {
            if (!reach.reaches(n)) {
                continue;
            }
            List<AccessEdge> path = reach.path(n);
            if (n.kind() == NodeKind.USER || n.kind() == NodeKind.ROLE) {
                if (!(c.index().principal(n.arn()) instanceof Role r && r.serviceLinked())) {
                    groups.add(path.get(path.size() - 1), affected(graph, n, path));
                }
            } else if (n.kind() == NodeKind.ANYONE || n.kind() == NodeKind.EXTERNAL_ACCOUNT
                    || n.kind() == NodeKind.FEDERATED_PROVIDER) {
                out.add(outsider(c, n, path));
            }
        }
        for (StatementGroups.Group g : groups.groups()) {
            out.add(escalation(c, g));
        }
        return out;
    }

    /** A principal and its route: conditional when a hop is, or when the administrator it ends at is. */
    static Affected affected(AccessGraph graph, PrincipalNode n, List<AccessEdge> path) {
        List<String> keys = new ArrayList<>(Cites.keys(path));
        PrincipalNode end = AdminReach.end(path);
        if (end.kind() != NodeKind.ROOT && graph.admin(end).conditional()) {
            graph.admin(end).condition().keys().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        }
        return new Affected(n.arn(), !keys.isEmpty(), keys, Cites.path(path));
    }

    private static Finding escalation(ReviewContext c, StatementGroups.Group g) {
        String subject = StatementGroups.subject(c, g);
        Set<String> ends = new LinkedHashSet<>();
        g.edges.forEach(e -> ends.add(Names.node(e.to())));
        String statement = StatementGroups.describe(c, g);
        String techniques = String.join(", ", g.techniques);
        String title = g.affected.size() == 1
                ? Names.node(c.graph().node(g.affected.get(0).arn()).orElseThrow()) + " can become an administrator ("
                + techniques + " through " + statement + ")"
                : g.affected.size() + " principals (" + Names.some(g.affected.stream().map(a -> a.arn()).toList())
                + ") can become administrators through " + statement + " (" + techniques + ")";
        Set<String> others = new LinkedHashSet<>();
        for (AccessEdge e : g.edges) {
            for (AccessEdge parallel : c.graph().graph().getAllEdges(e.from(), e.to())) {
                if (!parallel.technique().equals(e.technique())) {
                    others.add(parallel.technique());
                }
            }
        }
        Finding.Builder b = Finding.of(FindingCode.PRIVILEGE_ESCALATION, subject).key(StatementGroups.key(subject, g))
                .title(title).path(g.affected.get(0).path()).affected(g.affected)
                .conditional(g.allConditional()).conditionalOn(g.keys())
                .fact("technique: " + techniques + " (docs/techniques.md)")
                .fact("administrators reached through it: " + String.join(", ", ends))
                .fix(fix(g, statement));
        if (!others.isEmpty()) {
            b.fact("the same step is open by other techniques too (close them as well): " + String.join(", ", others));
        }
        if (g.key != null) {
            b.statement(g.cite());
        }
        return b.build();
    }

    /** What to change: the statement, or the target that makes the step worth taking. */
    static String fix(StatementGroups.Group g, String statement) {
        AccessEdge first = g.edges.get(0);
        Evidence check = g.key == null ? null : FixKeys.checkOf(first, g.key);
        String grant = check == null ? "what it grants" : "`" + check.action() + "` on `" + check.resource() + "`";
        String fix = "narrow " + statement + " so that it no longer allows " + grant + " (or remove it)";
        PrincipalNode target = first.to();
        if (target.kind() == NodeKind.USER || target.kind() == NodeKind.ROLE) {
            fix += "; or, if `" + target.shortName() + "` need not be an administrator, reduce its permissions";
        }
        return fix;
    }

    private static Finding outsider(ReviewContext c, PrincipalNode outsider, List<AccessEdge> path) {
        AccessEdge entry = path.get(0);
        Affected who = affected(c.graph(), outsider, path);
        return Finding.of(FindingCode.OUTSIDER_REACHES_ADMIN, entry.to().arn()).key(outsider.arn())
                .title(Names.node(outsider) + " can become an administrator, entering through "
                        + Names.node(entry.to()))
                .path(who.path()).affected(who).conditionalOn(who.conditionKeys())
                .statements(who.path().get(0).checks().stream().flatMap(ch -> ch.grantedBy().stream()).toList())
                .fix("narrow the trust policy of `" + entry.to().shortName() + "` to the principals that need it"
                        + " (with conditions they cannot forge), or take the path's administrator rights away")
                .build();
    }
}
