package io.iamscope.analysis;

import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.EdgeKind;
import io.iamscope.access.Evidence;
import io.iamscope.eval.StatementRef;
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
 * @param statements    the statements that grant the step's checks, described, each once (the statement to
 *                      change to cut the step)
 */
public record Hop(String from, String to, EdgeKind kind, String technique, String evidence, boolean conditional,
                  List<String> conditionKeys, List<String> statements) {
    public Hop {
        conditionKeys = List.copyOf(conditionKeys);
        statements = List.copyOf(statements);
    }

    public static Hop of(AccessEdge e) {
        String evidence = e.evidence().stream().map(Hop::describe).collect(Collectors.joining("; "));
        List<String> statements = e.evidence().stream().filter(Evidence::allows)
                .map(x -> StatementRef.granting(x.grantedBy())).filter(java.util.Objects::nonNull)
                .map(StatementRef::describe).distinct().toList();
        return new Hop(e.from().arn(), e.to().arn(), e.kind(), e.technique(), evidence, e.conditional(),
                new ArrayList<>(e.condition().keys()), statements);
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
