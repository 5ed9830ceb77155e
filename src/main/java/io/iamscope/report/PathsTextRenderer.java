package io.iamscope.report;

import io.iamscope.graph.AccessEdge;
import io.iamscope.access.Evidence;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.Gap;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.jgrapht.GraphPath;

/** Renders escalation paths as text: one block per target, one line per hop with its evidence. */
public final class PathsTextRenderer {
    private PathsTextRenderer() {
    }

    public static void render(PrincipalNode from, Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> paths,
                              PrintWriter out) {
        render(from, paths, List.of(), out);
    }

    /** The paths, then the collection gaps that could change them. */
    public static void render(PrincipalNode from, Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> paths,
                              List<Gap> gaps, PrintWriter out) {
        blocks(from, paths, gaps, out);
        GapWords.text(gaps, out);
    }

    private static void blocks(PrincipalNode from, Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> paths,
                               List<Gap> gaps, PrintWriter out) {
        if (paths.isEmpty()) {
            out.println("no path from `" + from.arn() + "`" + (gaps.isEmpty() ? ""
                    : " in what was collected: unknown, not none"));
            return;
        }
        for (var e : paths.entrySet()) {
            GraphPath<PrincipalNode, AccessEdge> p = e.getValue();
            boolean conditional = p.getEdgeList().stream().anyMatch(AccessEdge::conditional);
            out.println(label(e.getKey()) + ": " + p.getLength() + (p.getLength() == 1 ? " hop" : " hops")
                    + (conditional ? " (conditional)" : ""));
            for (AccessEdge edge : p.getEdgeList()) {
                out.println("  " + label(edge.from()) + " -> " + label(edge.to()) + "  [" + edge.kind().name()
                        .toLowerCase(java.util.Locale.ROOT) + " " + edge.technique() + "]"
                        + (edge.yieldsAdmin() ? " (yields admin)" : ""));
                for (Evidence ev : edge.evidence()) {
                    out.println("      " + ev.summary() + grants(ev));
                }
            }
        }
    }

    static String label(PrincipalNode n) {
        if (n.kind() == io.iamscope.graph.NodeKind.ROOT) {
            // The graph's account node: control of every user and role of the account, not the root user's keys.
            return "control of account `" + n.account() + "`";
        }
        return n.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " `" + n.arn() + "`";
    }

    private static String grants(Evidence ev) {
        // SCP allows (FullAWSAccess at every level) say little; the identity and resource statements say why.
        List<String> refs = ev.grantedBy().stream().filter(r -> r.layer() != io.iamscope.eval.Layer.SCP)
                .map(r -> r.describe()).toList();
        return refs.isEmpty() ? "" : " (by " + String.join("; ", refs) + ")";
    }
}
