package io.iamscope.cli;

import io.iamscope.analysis.Workspace;
import io.iamscope.analysis.blast.BlastOptions;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.BlastRadiusAnalysis;
import io.iamscope.analysis.whocan.WhoCan;
import io.iamscope.analysis.whocan.WhoCanResult;
import io.iamscope.catalog.Tactics;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.BuildProgress;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PathLimits;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.SnapshotIndex;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code iamscope bench --snapshot FILE}: wall-clock time of reading a snapshot, building its access graph,
 * one reachableFrom, and optionally one blast radius and one who-can on the built graph, for
 * docs/performance.md. Not a microbenchmark: one cold run, as a user meets it.
 */
@Command(name = "bench", description = "Time reading a snapshot, building its access graph and one path search.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "ARN", description = "Start of the path search (default: the first user).")
    String from;

    @Option(names = "--blast", paramLabel = "START",
            description = "Also time a blast radius of this principal on the built graph (report not printed).")
    String blast;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Time the blast radius N times in the same JVM: the first run is the cold one (default 1).")
    int repeat;

    @Option(names = "--who-can", arity = "2", paramLabel = "ACTION RESOURCE",
            description = "Also time who-can for this action and resource on the built graph.")
    List<String> whoCan;

    @Mixin
    AnalysisInputs inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        RequestContext context = inputs.requestContext();
        String profile = inputs.profile().name();
        SnapshotIndex index = inputs.index(spec.commandLine().getErr());
        inputs.progress().close(); // bench prints its own figures as it goes
        long t1 = System.nanoTime();
        // One workspace for the build and the analyses, as the analysis commands use it.
        Workspace workspace = AnalysisInputs.workspace(index, AnalysisInputs.BUILT_IN_GRAPH);
        BlastRadiusAnalysis blastAnalysis = new BlastRadiusAnalysis(workspace, Tactics.load(workspace.catalog()));
        // As `blast-radius` builds it: the enumeration lists are made on the core the build's last phase leaves idle.
        AccessGraph graph = workspace.graph(context, blast == null ? BuildProgress.NONE
                : blastAnalysis.prepareDuringBuild());
        long t2 = System.nanoTime();
        PrincipalNode start = from != null ? graph.node(index.resolvePrincipal(from).arn()).orElseThrow()
                : graph.graph().vertexSet().stream().filter(n -> n.kind() == NodeKind.USER).findFirst().orElse(null);
        int reached = start == null ? 0 : graph.reachableFrom(start, PathLimits.DEFAULT).size();
        long t3 = System.nanoTime();
        long admins = graph.graph().vertexSet().stream().filter(n -> graph.admin(n).admin()).count();
        out.printf("principals %d, nodes %d, edges %d, admin-equivalent %d%n", index.snapshot().principalCount(),
                graph.graph().vertexSet().size(), graph.graph().edgeSet().size(), admins);
        graph.buildStats().forEach(s -> out.println("  " + s));
        out.printf("read %.2f s, build %.2f s, reachableFrom %.3f s (%d reached from `%s`)%n", (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (t3 - t2) / 1e9, reached, start == null ? "-" : start.arn());
        // who-can first: a blast radius of a large reach leaves gigabytes of garbage behind it.
        if (whoCan != null) {
            long w0 = System.nanoTime();
            WhoCanResult r = new WhoCan(workspace).find(whoCan.get(0), whoCan.get(1), profile, context,
                    PathLimits.DEFAULT);
            long w1 = System.nanoTime();
            out.printf("who-can %s on `%s`: %.2f s (%d directly, %d through a path)%n", whoCan.get(0), whoCan.get(1),
                    (w1 - w0) / 1e9, r.direct().size(), r.viaPath().size());
        }
        for (int run = 1; blast != null && run <= repeat; run++) {
            long c0 = processCpuNanos();
            long b0 = System.nanoTime();
            BlastRadius b = blastAnalysis.analyse(blast, profile, context, BlastOptions.defaults(Instant.now()));
            long b1 = System.nanoTime();
            long c1 = processCpuNanos();
            out.printf("blast radius of `%s`%s: %.2f s%s (%d reachable, %d enumerated, %d actions, admin %s)%n", blast,
                    repeat > 1 ? " (run " + run + ")" : "", (b1 - b0) / 1e9,
                    c0 < 0 || c1 < 0 ? "" : String.format(java.util.Locale.ROOT, ", CPU %.2f s", (c1 - c0) / 1e9),
                    b.reachable().size(), b.principalsEvaluated().size(),
                    b.services().stream().mapToInt(x -> x.actions().size()).sum(), b.canReachAdmin());
        }
        return ExitCodes.OK;
    }

    /**
     * CPU time of the whole process (every thread, the JIT compilers' and the collector's too), or -1 where the
     * JVM does not tell: with wall time, how busy the cores were.
     */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }
}
