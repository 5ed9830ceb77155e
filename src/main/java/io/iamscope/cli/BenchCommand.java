package io.iamscope.cli;

import io.iamscope.graph.JGraphTAccessGraph;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PathLimits;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.SnapshotIndex;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code iamscope bench --snapshot FILE}: wall-clock time of reading a snapshot, building its access graph and
 * one reachableFrom, for docs/performance.md. Not a microbenchmark: one cold run, as a user meets it.
 */
@Command(name = "bench", description = "Time reading a snapshot, building its access graph and one path search.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "ARN", description = "Start of the path search (default: the first user).")
    String from;

    @Mixin
    GraphInputs inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        SnapshotIndex index = inputs.read(spec.commandLine().getErr());
        long t1 = System.nanoTime();
        JGraphTAccessGraph graph = inputs.build(index);
        long t2 = System.nanoTime();
        PrincipalNode start = from != null ? graph.node(index.resolvePrincipal(from).arn()).orElseThrow()
                : graph.graph().vertexSet().stream().filter(n -> n.kind() == NodeKind.USER).findFirst().orElse(null);
        int reached = start == null ? 0 : graph.reachableFrom(start, PathLimits.DEFAULT).size();
        long t3 = System.nanoTime();
        out.printf("principals %d, nodes %d, edges %d, admin-equivalent %d%n", index.snapshot().principalCount(),
                graph.graph().vertexSet().size(), graph.graph().edgeSet().size(), graph.admins().size());
        graph.buildStats().forEach(s -> out.println("  " + s));
        out.printf("read %.2f s, build %.2f s, reachableFrom %.3f s (%d reached from `%s`)%n", (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (t3 - t2) / 1e9, reached, start == null ? "-" : start.arn());
        return ExitCodes.OK;
    }
}
