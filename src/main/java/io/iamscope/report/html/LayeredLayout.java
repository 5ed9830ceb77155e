package io.iamscope.report.html;

import io.iamscope.analysis.Hop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * Places a path graph in columns, one per hop distance from the start (the layers come with the nodes), and
 * orders each column to cross few lines: the barycenter heuristic of layered (Sugiyama-style) drawing, a node
 * moved to the mean height of its neighbours in the columns before it, then after it, sweep after sweep, the
 * order with the fewest crossings kept. Deterministic: ties keep the order the nodes came in.
 */
public final class LayeredLayout {
    static final int BOX_W = 210;
    static final int BOX_H = 38;
    static final int ROW = 50;
    /** Room between columns for the techniques' labels. */
    static final int COLUMN = BOX_W + 180;
    static final int PAD = 20;
    static final int TOP = 40;
    /** Characters of a name that fit a box. */
    static final int FITS = 23;
    private static final int SWEEPS = 8;

    private LayeredLayout() {
    }

    public static Drawing lay(PathGraph g) {
        Graph<String, Integer> graph = new DirectedPseudograph<>(null, null, false);
        g.nodes().forEach(n -> graph.addVertex(n.arn()));
        for (int i = 0; i < g.hops().size(); i++) {
            Hop h = g.hops().get(i);
            graph.addEdge(h.from(), h.to(), i);
        }
        for (int i = 0; i < g.walked().size(); i++) {
            PathGraph.Walked w = g.walked().get(i);
            graph.addEdge(w.from(), w.to(), g.hops().size() + i);
        }
        Map<String, PathGraph.Node> byArn = new HashMap<>();
        TreeMap<Integer, List<String>> layers = new TreeMap<>();
        for (PathGraph.Node n : g.nodes()) {
            byArn.put(n.arn(), n);
            layers.computeIfAbsent(n.layer(), k -> new ArrayList<>()).add(n.arn());
        }
        int tallest = layers.values().stream().mapToInt(List::size).max().orElse(0);
        Map<String, Double> y = heights(layers, tallest);
        Map<String, Double> best = y;
        long fewest = crossings(graph, byArn, y);
        for (int sweep = 0; sweep < SWEEPS && fewest > 0; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int layer : down ? layers.navigableKeySet() : layers.descendingKeySet()) {
                Map<String, Double> placed = y;
                List<String> column = layers.get(layer);
                column.sort(Comparator.comparingDouble(v -> barycenter(graph, byArn, placed, v, layer, down)));
                y = heights(layers, tallest);
            }
            long c = crossings(graph, byArn, y);
            if (c < fewest) {
                fewest = c;
                best = y;
            }
        }
        return drawing(g, layers, best);
    }

    /** Each node's height (its box's centre), each column centred on the tallest. */
    private static Map<String, Double> heights(TreeMap<Integer, List<String>> layers, int tallest) {
        Map<String, Double> y = new HashMap<>();
        layers.values().forEach(column -> {
            double offset = (tallest - column.size()) * ROW / 2.0;
            for (int i = 0; i < column.size(); i++) {
                y.put(column.get(i), TOP + offset + i * ROW + BOX_H / 2.0);
            }
        });
        return y;
    }

    /** The mean height of v's neighbours on the side swept from; v's own height when it has none there. */
    private static double barycenter(Graph<String, Integer> graph, Map<String, PathGraph.Node> byArn,
                                     Map<String, Double> y, String v, int layer, boolean down) {
        List<String> neighbours = down ? Graphs.predecessorListOf(graph, v) : Graphs.successorListOf(graph, v);
        double sum = 0;
        int count = 0;
        for (String n : neighbours) {
            int l = byArn.get(n).layer();
            if (down ? l < layer : l > layer) {
                sum += y.get(n);
                count++;
            }
        }
        return count == 0 ? y.get(v) : sum / count;
    }

    /** Pairs of lines between the same two columns that cross. */
    private static long crossings(Graph<String, Integer> graph, Map<String, PathGraph.Node> byArn,
                                  Map<String, Double> y) {
        List<Integer> edges = new ArrayList<>(graph.edgeSet());
        long crossings = 0;
        for (int i = 0; i < edges.size(); i++) {
            String a1 = graph.getEdgeSource(edges.get(i));
            String a2 = graph.getEdgeTarget(edges.get(i));
            for (int j = i + 1; j < edges.size(); j++) {
                String b1 = graph.getEdgeSource(edges.get(j));
                String b2 = graph.getEdgeTarget(edges.get(j));
                if (byArn.get(a1).layer() == byArn.get(b1).layer() && byArn.get(a2).layer() == byArn.get(b2).layer()
                        && (y.get(a1) - y.get(b1)) * (y.get(a2) - y.get(b2)) < 0) {
                    crossings++;
                }
            }
        }
        return crossings;
    }

    private static Drawing drawing(PathGraph g, TreeMap<Integer, List<String>> layers,
                                   Map<String, Double> y) {
        Map<String, Integer> x = new HashMap<>();
        List<Drawing.Column> columns = new ArrayList<>();
        int column = 0;
        for (Map.Entry<Integer, List<String>> layer : layers.entrySet()) {
            int left = PAD + column++ * COLUMN;
            layer.getValue().forEach(v -> x.put(v, left));
            int hops = layer.getKey();
            columns.add(new Drawing.Column(hops == 0 ? "start" : hops + (hops == 1 ? " hop" : " hops"), left));
        }
        List<Drawing.Box> boxes = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> styles = new HashMap<>();
        for (PathGraph.Node n : g.nodes()) {
            String id = "n" + boxes.size();
            names.put(n.arn(), n.name());
            styles.put(n.arn(), n.style());
            boxes.add(new Drawing.Box(id, n.arn(), n.kind(), n.name(), fit(n.name()), x.get(n.arn()),
                    (int) Math.round(y.get(n.arn()) - BOX_H / 2.0), BOX_W, BOX_H, n.start(), n.admin(),
                    n.admin() && n.adminConditional(), n.style()));
        }
        List<Drawing.Line> lines = new ArrayList<>();
        for (int i = 0; i < g.hops().size(); i++) {
            Hop h = g.hops().get(i);
            // A hop into a principal drawn faint (could have been reached) is as faint.
            String style = "faint".equals(styles.get(h.to())) ? "faint" : "";
            lines.add(line(i, h, null, style, names, x.get(h.from()), y.get(h.from()), x.get(h.to()),
                    y.get(h.to())));
        }
        for (int i = 0; i < g.walked().size(); i++) {
            PathGraph.Walked w = g.walked().get(i);
            lines.add(line(g.hops().size() + i, null, w, w.unexpected() ? "walked unexpected" : "walked", names,
                    x.get(w.from()), y.get(w.from()), x.get(w.to()), y.get(w.to())));
        }
        int width = PAD * 2 + (columns.size() - 1) * COLUMN + BOX_W;
        int height = (int) Math.ceil(y.values().stream().mapToDouble(Double::doubleValue).max().orElse(TOP)
                + BOX_H / 2.0 + PAD);
        return new Drawing(width, height, columns, boxes, lines, g.omitted());
    }

    /**
     * A cubic curve from the right side of the source's box to the left side of the target's; a hop that does
     * not go right (within a column, or back) loops out on the right. The label ends just before the target,
     * above the line's end: lines fanning out of one box are far apart there, one row each.
     */
    private static Drawing.Line line(int index, Hop h, PathGraph.Walked w, String style, Map<String, String> names,
                                     int x1, double y1, int x2, double y2) {
        String from = h == null ? w.from() : h.from();
        String to = h == null ? w.to() : h.to();
        double sx = x1 + BOX_W;
        double ex;
        double c1;
        double c2;
        if (x2 > x1) {
            ex = x2;
            c1 = sx + (ex - sx) / 2;
            c2 = ex - (ex - sx) / 2;
        } else {
            ex = x2 + BOX_W;
            c1 = sx + 80;
            c2 = ex + 80;
        }
        String d = String.format(java.util.Locale.ROOT, "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f",
                sx, y1, c1, y1, c2, y2, ex, y2);
        double lx = x2 > x1 ? ex - 10 : ex + 80;
        // A step seen taken is labelled below its line's end: a hop into the same principal is labelled above.
        double ly = w == null ? y2 - 5 : y2 + 14;
        String anchor = "end";
        if (w != null && x2 <= x1) {
            // Its loop's label right of the loop, halfway, clear of the box it comes back to.
            lx = ex + 66;
            ly = (y1 + y2) / 2 + 4;
            anchor = "start";
        }
        return new Drawing.Line(index, names.get(from), names.get(to), h, w, d, (int) Math.round(lx),
                (int) Math.round(ly), anchor, style);
    }

    /** The name cut to fit its box, an ellipsis marking the cut (the whole name is the box's tooltip). */
    static String fit(String name) {
        return name.length() <= FITS ? name : name.substring(0, FITS - 1) + "\u2026";
    }
}
