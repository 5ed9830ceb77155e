package io.iamscope.cli;

import io.iamscope.analysis.StartSubgraph;
import io.iamscope.graph.PathLimits;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.report.GraphExport;
import io.iamscope.report.GraphHtmlRenderer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code iamscope graph --format dot|graphml|json|mermaid [--start START [--to admin]]}: the whole access graph of
 * a snapshot, or the paths of one start (to every principal it reaches, or to the administrators).
 */
@Command(name = "graph", description = "Export the access graph of a snapshot (who can become whom, and how).")
final class GraphCommand implements Callable<Integer> {
    /** Output formats: the exports', and html (one start's paths drawn on a page). */
    enum Format { dot, graphml, json, mermaid, html }

    @Option(names = "--format", defaultValue = "dot",
            description = "dot, graphml, json, mermaid or html (with --start: one self-contained page, the paths"
                    + " drawn, each hop's evidence on a click) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--start", paramLabel = "START",
            description = "Only the shortest paths from START (user or role ARN or name, session ARN, access key id).")
    String start;

    @Option(names = "--to", paramLabel = "admin", description = "With --start: only the paths to administrators.")
    String to;

    @Mixin
    AnalysisInputs inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        var context = inputs.requestContext();
        if (to != null && (start == null || !"admin".equals(to))) {
            throw new UserInputException("--to takes `admin`, with --start");
        }
        if (format == Format.html && start == null) {
            throw new UserInputException("--format html draws one start's paths: give --start");
        }
        var source = inputs.stored(AnalysisInputs.BUILT_IN_GRAPH, err);
        var index = inputs.index(err);
        String startArn = start == null ? null : index.resolvePrincipal(start).arn();
        var graph = AnalysisInputs.workspace(index, source).graph(context, inputs.building());
        inputs.progress().close();
        if (startArn == null) {
            GraphExport.write(graph.graph(), GraphExport.Format.valueOf(format.name()), spec.commandLine().getOut());
        } else {
            PrincipalNode node = graph.node(startArn).orElseThrow(() -> new UserInputException("`" + startArn
                    + "` is not in the access graph"));
            var paths = StartSubgraph.of(graph, node, to != null, PathLimits.DEFAULT);
            if (format == Format.html) {
                GraphHtmlRenderer.render(paths, node, graph::admin, to != null, spec.commandLine().getOut());
            } else {
                GraphExport.write(paths, GraphExport.Format.valueOf(format.name()), true, spec.commandLine().getOut());
            }
        }
        err.flush();
        return ExitCodes.OK;
    }
}
