package io.iamscope.cli;

import io.iamscope.analysis.GraphSource;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.AdminPaths;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.PathLimits;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.LookupException;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.report.PathsJsonRenderer;
import io.iamscope.report.PathsTextRenderer;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import io.iamscope.analysis.GapsInPlay;
import io.iamscope.model.Gap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgrapht.GraphPath;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iamscope paths FROM [--to ARN|admin]}: the shortest escalation paths from a principal, each hop with
 * its technique and evidence. Exit 0 whether or not a path exists; 2 for input errors.
 */
@Command(name = "paths", description = "Show the shortest escalation paths from a principal of a snapshot.")
final class PathsCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "FROM",
            description = "User or role ARN or name, account root ARN, access key id.")
    String from;

    @Option(names = "--to", paramLabel = "ARN|admin",
            description = "A principal ARN, or `admin` for the nearest admin-equivalent principal (default: every"
                    + " reachable principal).")
    String to;

    @Option(names = "--definite-only", description = "Use only edges that hold whatever the unknown keys are.")
    boolean definiteOnly;

    @Option(names = "--max-depth", defaultValue = "12", description = "Longest path (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    AnalysisInputs inputs;

    /** The graph seam; tests put a hand-built graph here. */
    GraphSource graphs = AnalysisInputs.BUILT_IN_GRAPH;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxDepth < 1) {
            throw new UserInputException("`--max-depth` must be at least 1, not `" + maxDepth + "`");
        }
        RequestContext context = inputs.requestContext();
        GraphSource source = inputs.stored(graphs, err);
        SnapshotIndex index = inputs.index(err);
        PrincipalRef who = index.resolvePrincipal(from);
        AccessGraph graph = AnalysisInputs.workspace(index, source).graph(context, inputs.building());
        inputs.progress().phase("enumerating paths");
        PrincipalNode start = graph.node(who.arn()).orElseThrow(() -> new UserInputException(
                "`" + from + "` is not a node of the access graph"));
        PathLimits limits = new PathLimits(maxDepth, !definiteOnly);
        Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> paths = new LinkedHashMap<>();
        if (to == null) {
            paths.putAll(graph.reachableFrom(start, limits));
        } else if ("admin".equals(to)) {
            AdminPaths.shortest(graph, start, limits).ifPresent(p -> paths.put(p.getEndVertex(), p));
        } else {
            PrincipalNode target = graph.node(to).orElseThrow(() -> new LookupException("PRINCIPAL_NOT_FOUND",
                    "`" + to + "` is not a principal of the snapshot", List.of()));
            graph.path(start, target, limits).ifPresent(p -> paths.put(target, p));
        }
        List<Gap> gaps = new GapsInPlay(index.snapshot()).forAnyAnswer();
        inputs.progress().close();
        if (format == Format.json) {
            PathsJsonRenderer.render(start, paths, gaps, out);
        } else {
            PathsTextRenderer.render(start, paths, gaps, out);
        }
        err.flush();
        return ExitCodes.OK;
    }
}
