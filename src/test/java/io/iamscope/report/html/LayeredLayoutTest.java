package io.iamscope.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.analysis.Hop;
import io.iamscope.graph.EdgeKind;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {
    private static PathGraph.Node node(String name, int layer) {
        return new PathGraph.Node(name, "role", name, layer, layer == 0, false, false);
    }

    private static Hop hop(String from, String to) {
        return new Hop(from, to, EdgeKind.ASSUME, "assume-role", "", false, List.of(), List.of());
    }

    private static Map<String, Drawing.Box> boxes(Drawing d) {
        return d.boxes().stream().collect(Collectors.toMap(Drawing.Box::name, Function.identity()));
    }

    /** Given in an order whose lines cross, the second column is reordered under its parents: no crossing left. */
    @Test
    void ordersEachColumnUnderItsNeighbours() {
        PathGraph g = new PathGraph(List.of(node("s", 0), node("a", 1), node("b", 1), node("c", 2), node("d", 2)),
                List.of(hop("s", "a"), hop("s", "b"), hop("a", "d"), hop("b", "c")), 0);
        Map<String, Drawing.Box> at = boxes(LayeredLayout.lay(g));
        assertTrue(at.get("a").y() < at.get("b").y());
        assertTrue(at.get("d").y() < at.get("c").y(), "d under its parent a, above c: " + at);
    }

    /** One column per hop distance, left to right, each headed; the start's column alone. */
    @Test
    void placesLayersInColumns() {
        PathGraph g = new PathGraph(List.of(node("s", 0), node("a", 1), node("b", 2)),
                List.of(hop("s", "a"), hop("a", "b")), 3);
        Drawing d = LayeredLayout.lay(g);
        Map<String, Drawing.Box> at = boxes(d);
        assertTrue(at.get("s").x() < at.get("a").x() && at.get("a").x() < at.get("b").x());
        assertEquals(List.of("start", "1 hop", "2 hops"), d.columns().stream().map(Drawing.Column::title).toList());
        assertEquals(3, d.omitted());
        assertTrue(d.width() >= at.get("b").x() + at.get("b").w());
        // A line starts at its source's right side and ends at its target's left side.
        Drawing.Line line = d.lines().get(1);
        assertTrue(line.d().startsWith("M" + (at.get("a").x() + at.get("a").w()) + ".0,"), line.d());
        assertTrue(line.d().endsWith(" " + at.get("b").x() + ".0," + (at.get("b").y() + at.get("b").h() / 2) + ".0"),
                line.d());
    }

    @Test
    void isDeterministic() {
        PathGraph g = new PathGraph(List.of(node("s", 0), node("a", 1), node("b", 1), node("c", 2), node("d", 2),
                node("e", 2)), List.of(hop("s", "a"), hop("s", "b"), hop("b", "c"), hop("a", "e"), hop("b", "d")), 0);
        assertEquals(LayeredLayout.lay(g), LayeredLayout.lay(g));
    }

    @Test
    void longNamesAreCutToFitTheirBox() {
        assertEquals("short", LayeredLayout.fit("short"));
        String cut = LayeredLayout.fit("OrganizationAccountAccessRoleForAuditors");
        assertEquals(LayeredLayout.FITS, cut.length());
        assertTrue(cut.endsWith("\u2026"));
    }
}
