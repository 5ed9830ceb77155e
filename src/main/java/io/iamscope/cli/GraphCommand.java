package io.iamscope.cli;

import io.iamscope.report.GraphExport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iamscope graph --format dot|graphml|json|mermaid}: the whole access graph of a snapshot. */
@Command(name = "graph", description = "Export the access graph of a snapshot (who can become whom, and how).")
final class GraphCommand implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "dot",
            description = "dot, graphml, json or mermaid (default: ${DEFAULT-VALUE}).")
    GraphExport.Format format;

    @Mixin
    AnalysisInputs inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        var context = inputs.requestContext();
        var graph = AnalysisInputs.workspace(inputs.index(err), AnalysisInputs.BUILT_IN_GRAPH).graph(context);
        GraphExport.write(graph.graph(), format, spec.commandLine().getOut());
        err.flush();
        return ExitCodes.OK;
    }
}
