package io.iamscope.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.Constraint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.graph.DirectedPseudograph;
import org.junit.jupiter.api.Test;

/** Shortest paths: fewest hops, then definite edges; limits; edges that yield admin. */
class PathSearchTest {
    private static final Constraint UNKNOWN = new Constraint.Atom("Bool aws:MultiFactorAuthPresent [true]",
            List.of("aws:MultiFactorAuthPresent"), null);
    private final DirectedPseudograph<PrincipalNode, AccessEdge> g = new DirectedPseudograph<>(null, null, false);
    private final Map<String, PrincipalNode> nodes = new HashMap<>();

    private PrincipalNode n(String name) {
        String arn = name.equals("root") ? "arn:aws:iam::111111111111:root" : "arn:aws:iam::111111111111:role/" + name;
        return nodes.computeIfAbsent(arn, k -> {
            PrincipalNode p = new PrincipalNode(k, name.equals("root") ? NodeKind.ROOT : NodeKind.ROLE, "111111111111");
            g.addVertex(p);
            return p;
        });
    }

    private void edge(String from, String to, boolean conditional, boolean yieldsAdmin) {
        AccessEdge e = new AccessEdge(n(from), n(to), EdgeKind.ESCALATE, from + "-" + to, List.of(),
                conditional ? UNKNOWN : Constraint.TRUE, yieldsAdmin);
        g.addEdge(e.from(), e.to(), e);
    }

    private JGraphTAccessGraph graph() {
        return new JGraphTAccessGraph(g, nodes, Map.of());
    }

    @Test
    void prefersDefiniteEdgesAmongShortestPaths() {
        edge("a", "b", true, false);
        edge("b", "d", false, false);
        edge("a", "c", false, false);
        edge("c", "d", false, false);
        var p = graph().path(n("a"), n("d"), PathLimits.DEFAULT).orElseThrow();
        assertEquals(List.of(n("a"), n("c"), n("d")), p.getVertexList());
    }

    @Test
    void fewerHopsWinOverDefiniteness() {
        edge("a", "d", true, false);
        edge("a", "c", false, false);
        edge("c", "d", false, false);
        assertEquals(1, graph().path(n("a"), n("d"), PathLimits.DEFAULT).orElseThrow().getLength());
        assertEquals(2, graph().path(n("a"), n("d"), PathLimits.DEFINITE_ONLY).orElseThrow().getLength());
    }

    @Test
    void honoursMaxDepth() {
        edge("a", "b", false, false);
        edge("b", "c", false, false);
        assertTrue(graph().path(n("a"), n("c"), new PathLimits(1, true)).isEmpty());
        assertFalse(graph().reachableFrom(n("a"), new PathLimits(2, true)).isEmpty());
    }

    @Test
    void anEdgeYieldingAdminLeadsOnToTheAccount() {
        n("root");
        edge("a", "b", false, true);
        var p = graph().path(n("a"), n("root"), PathLimits.DEFAULT).orElseThrow();
        assertEquals("yields-admin", p.getEdgeList().get(1).technique());
        assertEquals(n("b"), AdminPaths.shortest(graph(), n("a"), PathLimits.DEFAULT).orElseThrow().getEndVertex());
    }

    /**
     * An actor that can both assume a role and write a policy onto it reaches the role twice in one hop; the
     * plain arrival must not hide the one that makes the role admin (its account is one hop further).
     */
    @Test
    void theArrivalThatYieldsAdminIsKeptBesideThePlainOne() {
        n("root");
        edge("a", "b", false, false);
        edge("a", "b", false, true);
        var toRoot = graph().path(n("a"), n("root"), PathLimits.DEFAULT).orElseThrow();
        assertEquals(List.of(n("a"), n("b"), n("root")), toRoot.getVertexList());
        assertTrue(toRoot.getEdgeList().get(0).yieldsAdmin());
        assertTrue(graph().reachableFrom(n("a"), PathLimits.DEFAULT).get(n("b")).getEdgeList().get(0).yieldsAdmin(),
                "the path reported for the role is the one that made it admin");
        assertEquals(n("b"), AdminPaths.shortest(graph(), n("a"), PathLimits.DEFAULT).orElseThrow().getEndVertex());
    }

    /** The order of the edges does not matter: the plain edge added last wins nothing either. */
    @Test
    void theArrivalThatYieldsAdminIsKeptWhateverTheEdgeOrder() {
        n("root");
        edge("a", "b", false, true);
        edge("a", "b", false, false);
        assertEquals(2, graph().path(n("a"), n("root"), PathLimits.DEFAULT).orElseThrow().getLength());
    }

    /** A longer made-admin arrival still leads on, though the node's reported path is the shorter plain one. */
    @Test
    void aLongerArrivalThatYieldsAdminStillLeadsToTheAccount() {
        n("root");
        edge("a", "b", false, false);
        edge("a", "c", false, false);
        edge("c", "b", false, true);
        assertEquals(1, graph().path(n("a"), n("b"), PathLimits.DEFAULT).orElseThrow().getLength());
        assertEquals(List.of(n("a"), n("c"), n("b"), n("root")),
                graph().path(n("a"), n("root"), PathLimits.DEFAULT).orElseThrow().getVertexList());
    }
}
