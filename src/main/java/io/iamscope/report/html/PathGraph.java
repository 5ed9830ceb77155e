package io.iamscope.report.html;

import io.iamscope.analysis.Hop;
import java.util.List;

/**
 * What a page draws: principals placed in layers by hop distance from the start, and the hops between them. The
 * caller chooses them (the paths that matter, bounded); {@link LayeredLayout} places them.
 *
 * @param nodes   the principals drawn, the start first, each with its layer
 * @param hops    the steps drawn, each between two of the nodes, each once
 * @param omitted how many principals reached are not drawn (the page says so)
 */
public record PathGraph(List<Node> nodes, List<Hop> hops, List<Walked> walked, int omitted) {
    public PathGraph {
        nodes = List.copyOf(nodes);
        hops = List.copyOf(hops);
        walked = List.copyOf(walked);
    }

    /** A graph of what could be walked only (no step seen taken). */
    public PathGraph(List<Node> nodes, List<Hop> hops, int omitted) {
        this(nodes, hops, List.of(), omitted);
    }

    /**
     * A step seen taken (in logs), drawn solid and thick over the hops the graph predicts; a click shows its
     * facts.
     *
     * @param label      what the line is labelled with (the call that took the step)
     * @param unexpected whether the graph says it could not happen (drawn red)
     * @param facts      its evidence, in order
     */
    public record Walked(String from, String to, String label, boolean unexpected, List<Fact> facts) {
        public Walked {
            facts = List.copyOf(facts);
        }
    }

    /**
     * One line of a step's evidence: a term and its values.
     *
     * @param code whether the values are identifiers (set in monospace)
     */
    public record Fact(String term, List<String> values, boolean code) {
        public Fact {
            values = List.copyOf(values);
        }

        public static Fact text(String term, String value) {
            return new Fact(term, List.of(value), false);
        }

        public static Fact code(String term, String value) {
            return new Fact(term, List.of(value), true);
        }

        public boolean many() {
            return values.size() > 1;
        }
    }

    /**
     * A principal drawn.
     *
     * @param arn   its identity, which hops name
     * @param kind  {@code user}, {@code role}, {@code group}, {@code account} ...
     * @param name  the short name shown
     * @param layer hops from the start (0 for the start)
     * @param start whether it is the start
     * @param admin whether it is admin-equivalent
     * @param adminConditional whether that holds only under unknown keys
     * @param style how it stands out beyond that: {@code faint} (could have been reached, was not),
     *              {@code unexpected} (reached though the graph says it cannot be), or empty
     */
    public record Node(String arn, String kind, String name, int layer, boolean start, boolean admin,
                       boolean adminConditional, String style) {
        public Node(String arn, String kind, String name, int layer, boolean start, boolean admin,
                    boolean adminConditional) {
            this(arn, kind, name, layer, start, admin, adminConditional, "");
        }
    }
}
