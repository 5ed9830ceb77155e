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
    GraphInputs inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        var graph = inputs.build(inputs.read(err));
        GraphExport.write(graph.graph(), format, spec.commandLine().getOut());
        err.flush();
        return ExitCodes.OK;
    }
}
