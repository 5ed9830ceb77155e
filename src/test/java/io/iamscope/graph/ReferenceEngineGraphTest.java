package io.iamscope.graph;

import static org.junit.jupiter.api.Assertions.fail;

import io.iamscope.access.Evidence;
import io.iamscope.eval.reference.ReferenceAuthorizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine contract is the only way in: the graph builder asks any {@link io.iamscope.eval.Authorizer}, and
 * one without the batch capability (the naive reference evaluator, the IAM policy simulator) is asked about every
 * request one by one. On every technique fixture, and on the sample organization, the graph built on the
 * reference evaluator must be the graph built on the local engine: same nodes, same edges with the same
 * evidence and conditions, in the same order, and the same admin statuses.
 */
class ReferenceEngineGraphTest {
    private static final Path TECHNIQUES = Path.of("src/test/resources/techniques");

    @TestFactory
    Stream<DynamicTest> sameGraphOnTheReferenceEvaluator() throws IOException {
        List<Path> snapshots = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(TECHNIQUES)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().equals("cases.json"))
                            .sorted().forEach(snapshots::add);
                }
            }
        }
        snapshots.add(Path.of("policies-fixtures/sample-org/snapshot.json"));
        return snapshots.stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> compare(s)));
    }

    private static void compare(Path snapshot) {
        JGraphTAccessGraph local = GraphFixtures.build(snapshot);
        JGraphTAccessGraph reference = GraphFixtures.build(snapshot, new ReferenceAuthorizer());
        same("nodes", nodes(local), nodes(reference));
        same("edges", edges(local), edges(reference));
        same("admin statuses", admins(local).entrySet().stream().map(String::valueOf).toList(),
                admins(reference).entrySet().stream().map(String::valueOf).toList());
    }

    /** Equal lists, else a readable account of the first differences (whole graphs are too long to read). */
    private static void same(String what, List<String> local, List<String> reference) {
        if (local.equals(reference)) {
            return;
        }
        List<String> onlyLocal = local.stream().filter(x -> !reference.contains(x)).limit(3).toList();
        List<String> onlyReference = reference.stream().filter(x -> !local.contains(x)).limit(3).toList();
        fail(what + " differ (" + local.size() + " on the local engine, " + reference.size() + " on the reference)"
                + "\nonly local: " + String.join("\n  ", onlyLocal) + "\nonly reference: "
                + String.join("\n  ", onlyReference) + (onlyLocal.isEmpty() && onlyReference.isEmpty()
                ? "\n(same elements in another order)" : ""));
    }

    private static List<String> nodes(JGraphTAccessGraph g) {
        return g.graph().vertexSet().stream().map(n -> n.kind() + " " + n.arn()).toList();
    }

    private static List<String> edges(JGraphTAccessGraph g) {
        List<String> out = new ArrayList<>();
        for (AccessEdge e : g.graph().edgeSet()) {
            out.add(e.from().arn() + " -> " + e.to().arn() + " " + e.kind() + " " + e.technique() + " if "
                    + e.condition() + " " + evidence(e.evidence()));
        }
        return out;
    }

    /**
     * Each check with its granting statements as a set: the engines list the statements that applied in their
     * own order (the reference walks layers in another order), which says nothing about the decision.
     */
    private static List<String> evidence(List<Evidence> checks) {
        return checks.stream().map(e -> e.action() + " on " + e.resource() + ": " + e.outcome() + " if "
                + e.condition() + " by " + e.grantedBy().stream().map(String::valueOf).sorted().toList()).toList();
    }

    private static Map<String, String> admins(JGraphTAccessGraph g) {
        Map<String, String> out = new LinkedHashMap<>();
        g.admins().forEach((n, s) -> out.put(n.arn(), s.how() + " if " + s.condition() + " " + evidence(s.evidence())));
        return out;
    }
}
