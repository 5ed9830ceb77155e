package io.iamscope.report;

import io.iamscope.access.AdminStatus;
import io.iamscope.analysis.Hop;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.report.html.HtmlPage;
import io.iamscope.report.html.LayeredLayout;
import io.iamscope.report.html.PathGraph;
import io.iamscope.report.html.Table;
import io.iamscope.report.html.Table.Cell;
import io.iamscope.report.html.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * Renders one start's paths ({@code graph --start X --format html}) as the blast radius page draws them: the
 * principals in columns by hop count (breadth-first from the start over its shortest paths), each hop's evidence
 * a click away, and the principals as a sortable, filterable table. At most {@link BlastPathGraph#MOST} principals
 * are drawn, the nearest first (a principal's path is then drawn whole); the rest are counted.
 */
public final class GraphHtmlRenderer {
    private GraphHtmlRenderer() {
    }

    /** The page's values, for {@code graph.mustache}. */
    record View(String command, String title, String subtitle, Verdict verdict,
                io.iamscope.report.html.Drawing drawing, Table principals) {
    }

    /**
     * @param paths   the start's shortest paths ({@code analysis.StartSubgraph})
     * @param admin   each principal's admin status
     * @param toAdmin whether the paths are those to administrators only ({@code --to admin})
     */
    public static void render(Graph<PrincipalNode, AccessEdge> paths, PrincipalNode start,
                              Function<PrincipalNode, AdminStatus> admin, boolean toAdmin, PrintWriter out) {
        Map<PrincipalNode, Integer> layers = new LinkedHashMap<>();
        BreadthFirstIterator<PrincipalNode, AccessEdge> bfs = new BreadthFirstIterator<>(paths, start);
        while (bfs.hasNext()) {
            PrincipalNode n = bfs.next();
            layers.put(n, bfs.getDepth(n));
        }
        List<PathGraph.Node> nodes = new ArrayList<>();
        List<Table.Row> rows = new ArrayList<>();
        int admins = 0;
        for (Map.Entry<PrincipalNode, Integer> e : layers.entrySet()) {
            PrincipalNode n = e.getKey();
            AdminStatus status = admin.apply(n);
            boolean isAdmin = status.admin() || yieldsAdmin(paths, n);
            if (isAdmin && !n.equals(start)) {
                admins++;
            }
            if (nodes.size() < BlastPathGraph.MOST) {
                nodes.add(new PathGraph.Node(n.arn(), kind(n), n.shortName(), e.getValue(), n.equals(start), isAdmin,
                        status.conditional()));
            }
            if (!n.equals(start)) {
                rows.add(new Table.Row(List.of(Cell.code(n.shortName()), Cell.text(kind(n)),
                        Cell.text(n.account() == null ? "" : n.account()), Cell.number(e.getValue()),
                        Cell.text(isAdmin ? (status.conditional() ? "conditional" : "yes") : "no"), Cell.code(n.arn())),
                        isAdmin));
            }
        }
        java.util.Set<String> drawn = new java.util.HashSet<>();
        nodes.forEach(n -> drawn.add(n.arn()));
        List<Hop> hops = paths.edgeSet().stream().filter(e -> drawn.contains(e.from().arn())
                && drawn.contains(e.to().arn())).map(Hop::of).toList();
        int reached = layers.size() - 1;
        String answer = reached + " principal" + (reached == 1 ? "" : "s") + (toAdmin ? " on the paths to administrators"
                : " reachable") + ", " + admins + " of them admin-equivalent";
        Verdict verdict = new Verdict(admins > 0 ? "bad" : "good", answer, "shortest paths from "
                + kind(start) + " " + start.arn() + ", each principal in the column of its hop count", List.of());
        View view = new View("graph", "Paths from " + start.shortName(), start.arn(), verdict,
                LayeredLayout.lay(new PathGraph(nodes, hops, layers.size() - nodes.size())),
                new Table("principals", "Principals (" + reached + ")", List.of("principal", "kind", "account", "hops",
                        "admin", "ARN"), rows, null));
        HtmlPage.render("graph", view, out);
    }

    /** Whether a hop into {@code n} makes whoever takes it an administrator (control of an account). */
    private static boolean yieldsAdmin(Graph<PrincipalNode, AccessEdge> paths, PrincipalNode n) {
        return paths.incomingEdgesOf(n).stream().anyMatch(AccessEdge::yieldsAdmin);
    }

    private static String kind(PrincipalNode n) {
        return n.kind() == NodeKind.ROOT ? "control of account" : n.kind().name().toLowerCase(Locale.ROOT);
    }
}
