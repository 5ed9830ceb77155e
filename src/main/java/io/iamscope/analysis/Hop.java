package io.iamscope.analysis;

import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.EdgeKind;
import io.iamscope.access.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jgrapht.GraphPath;

/**
 * One step of a path between principals, as reports show it.
 *
 * @param evidence      the checks behind the step, one line: {@code sts:AssumeRole on arn:... (Allow)}
 * @param conditional   whether the step holds only under unknown keys
 * @param conditionKeys the unknown keys it depends on
 */
public record Hop(String from, String to, EdgeKind kind, String technique, String evidence, boolean conditional,
                  List<String> conditionKeys) {
    public Hop {
        conditionKeys = List.copyOf(conditionKeys);
    }

    public static Hop of(AccessEdge e) {
        String evidence = e.evidence().stream().map(Hop::describe).collect(Collectors.joining("; "));
        return new Hop(e.from().arn(), e.to().arn(), e.kind(), e.technique(), evidence, e.conditional(),
                new ArrayList<>(e.condition().keys()));
    }

    /** The hops of a graph path, in order. */
    public static List<Hop> of(GraphPath<?, AccessEdge> path) {
        return path == null ? List.of() : path.getEdgeList().stream().map(Hop::of).toList();
    }

    /** Whether any hop of the path is conditional. */
    public static boolean anyConditional(List<Hop> path) {
        return path.stream().anyMatch(Hop::conditional);
    }

    /** The unknown keys a path depends on, in order of first use. */
    public static List<String> keys(List<Hop> path) {
        return path.stream().flatMap(h -> h.conditionKeys().stream()).distinct().toList();
    }

    private static String describe(Evidence e) {
        String s = e.action() + " on " + e.resource() + " (" + e.outcome().word() + ")";
        return e.conditional() ? s + " if " + e.condition() : s;
    }
}
