package io.iamscope.analysis.review;

import io.iamscope.analysis.findings.Affected;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.EdgeKind;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link FindingCode#PRINCIPAL_TAKEOVER}: the technique edges between users and roles of principals that cannot
 * become administrators (those that can are {@link Escalations}' findings, which show the worse step), grouped
 * by the statement that opens them. A finding's affected principals are the ones that can be taken over, each
 * with its step.
 */
final class Takeovers implements ReviewCheck {
    /** Edges of the compact admin encoding, not techniques an attacker uses (docs/techniques.md). */
    private static final Set<String> ENCODING = Set.of("admin-equivalent", "account-admin");

    @Override
    public String name() {
        return "takeover";
    }

    @Override
    public List<Finding> run(ReviewContext c) {
        AdminReach reach = c.adminReach();
        List<AccessEdge> edges = new ArrayList<>();
        for (AccessEdge e : c.graph().graph().edgeSet()) {
            if (e.kind() == EdgeKind.ESCALATE && !ENCODING.contains(e.technique()) && isPrincipal(c, e.from())
                    && isPrincipal(c, e.to()) && !reach.isAdmin(e.from()) && !reach.reaches(e.from())) {
                edges.add(e);
            }
        }
        edges.sort(Comparator.comparing((AccessEdge e) -> e.from().arn()).thenComparing(e -> e.to().arn())
                .thenComparing(AccessEdge::technique));
        StatementGroups groups = new StatementGroups();
        for (AccessEdge e : edges) {
            Affected target = new Affected(e.to().arn(), e.conditional(), new ArrayList<>(e.condition().keys()),
                    List.of(Cites.step(e)));
            groups.add(e, target);
        }
        List<Finding> out = new ArrayList<>();
        for (StatementGroups.Group g : groups.groups()) {
            Set<String> from = new LinkedHashSet<>();
            g.edges.forEach(e -> from.add(Names.node(e.from())));
            String subject = StatementGroups.subject(c, g);
            String statement = StatementGroups.describe(c, g);
            String who = from.size() == 1 ? from.iterator().next() : from.size() + " principals ("
                    + Names.some(g.edges.stream().map(e -> e.from().arn()).distinct().toList()) + ")";
            Finding.Builder b = Finding.of(FindingCode.PRINCIPAL_TAKEOVER, subject).key(StatementGroups.key(subject, g))
                    .title(who + " can act as " + Names.count(distinctTargets(g), "other principal") + " ("
                            + String.join(", ", g.techniques) + " through " + statement + ")")
                    .path(g.affected.get(0).path()).affected(distinct(g.affected))
                    .conditional(g.allConditional()).conditionalOn(g.keys())
                    .fact("held by: " + String.join(", ", from))
                    .fact("technique: " + String.join(", ", g.techniques) + " (docs/techniques.md)")
                    .fix(Escalations.fix(g, statement).replace(
                            "if `" + g.edges.get(0).to().shortName() + "` need not be an administrator, reduce its"
                                    + " permissions", "limit what the principals taken over can do"));
            if (g.key != null) {
                b.statement(g.cite());
            }
            out.add(b.build());
        }
        return out;
    }

    private static boolean isPrincipal(ReviewContext c, PrincipalNode n) {
        return (n.kind() == NodeKind.USER || n.kind() == NodeKind.ROLE)
                && !(c.index().principal(n.arn()) instanceof Role r && r.serviceLinked());
    }

    private static int distinctTargets(StatementGroups.Group g) {
        return (int) g.affected.stream().map(Affected::arn).distinct().count();
    }

    /** One entry per target: its first step (definite ones sort first within a target's steps). */
    private static List<Affected> distinct(List<Affected> all) {
        Map<String, Affected> out = new LinkedHashMap<>();
        for (Affected a : all) {
            Affected seen = out.get(a.arn());
            if (seen == null || (seen.conditional() && !a.conditional())) {
                out.put(a.arn(), a);
            }
        }
        return new ArrayList<>(out.values());
    }
}
