package io.iamscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.GraphSource;
import io.iamscope.analysis.Workspace;
import io.iamscope.analysis.blast.BlastGrants;
import io.iamscope.analysis.blast.BlastOptions;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.BlastRadiusAnalysis;
import io.iamscope.analysis.verify.GrantCheck;
import io.iamscope.catalog.Tactics;
import io.iamscope.policy.Arn;
import io.iamscope.eval.Decision;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.report.BlastHtmlRenderer;
import io.iamscope.report.BlastJsonLinesRenderer;
import io.iamscope.report.BlastJsonRenderer;
import io.iamscope.report.BlastMarkdownRenderer;
import io.iamscope.report.BlastTextRenderer;
import io.iamscope.report.Bounds;
import io.iamscope.report.Detail;
import io.iamscope.report.GrantCheckRenderer;
import io.iamscope.simulator.SimulationKey;
import io.iamscope.simulator.SimulatorAuthorizer;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iamscope blast-radius START --snapshot FILE}: what an attacker holding START can reach. Exits 0, or 1
 * with {@code --fail-on admin} when START is or can become an administrator (for CI); 2 for input errors.
 */
@Command(name = "blast-radius", description = "Show what an attacker holding a principal or access key can reach.")
final class BlastRadiusCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, jsonl, markdown, html }

    /** Conditions that make the command exit 1. */
    enum FailOn { admin }

    @Parameters(index = "0", paramLabel = "START",
            description = "User or role ARN or name, assumed-role session ARN, or access key id.")
    String start;

    @Mixin
    AnalysisInputs inputs;

    @Option(names = "--format", defaultValue = "text", description = "text, json, jsonl (one record a line, every"
            + " grant: for a SIEM or a notebook), markdown or html (one self-contained page: the paths drawn, sortable"
            + " tables) (default: ${DEFAULT-VALUE}).")
    Format format;

    /** How much to print; picocli matches the names case-insensitively. */
    @Option(names = "--detail", defaultValue = "standard", paramLabel = "LEVEL",
            description = "summary (the answer alone), standard (the answer, then every list cut at --limit) or full"
                    + " (everything) (default: ${DEFAULT-VALUE}).")
    String detail;

    @Option(names = "--limit", defaultValue = "8", paramLabel = "N",
            description = "Entries kept of each list below --detail full (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--fail-on", paramLabel = "CONDITION",
            description = "admin: exit 1 when START is or can become an administrator (conditionally included).")
    FailOn failOn;

    /** The graph seam; tests put a hand-built graph here. */
    GraphSource graphs = AnalysisInputs.BUILT_IN_GRAPH;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--engine", defaultValue = "local", description = "local, or simulator/both: the local analysis"
            + " finds the grants (the simulator cannot enumerate), then AWS's IAM policy simulator re-checks them"
            + " (default: ${DEFAULT-VALUE}).")
    Engine engine;

    @Option(names = "--check-limit", defaultValue = "200",
            description = "With --engine simulator|both: at most this many grants re-checked, a seeded sample past it"
                    + " (default: ${DEFAULT-VALUE}).")
    int checkLimit;

    @CommandLine.Mixin
    SimulatorOptions simulatorOptions = new SimulatorOptions();

    private Bounds bounds() {
        Detail level;
        try {
            level = Detail.valueOf(detail.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--detail must be summary, standard or full, not `" + detail + "`");
        }
        if (limit < 1) {
            throw new UserInputException("--limit must be at least 1, not " + limit);
        }
        return level == Detail.FULL ? Bounds.FULL : new Bounds(level, limit);
    }

    private static Map<String, Decision> byAction(Map<SimulationKey, Decision> answers) {
        Map<String, Decision> out = new HashMap<>();
        answers.forEach((k, d) -> out.put(k.action(), d));
        return out;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Bounds bounds = bounds();
        if ((format == Format.jsonl || format == Format.html) && engine != Engine.LOCAL) {
            throw new UserInputException("--format " + format + " shows the local analysis only: use --format json"
                    + " or text with --engine " + engine.name().toLowerCase(java.util.Locale.ROOT));
        }
        AttackerProfile profile = inputs.profile();
        GraphSource source = inputs.stored(graphs, err);
        SnapshotIndex index = inputs.index(err);
        index.resolvePrincipal(start); // input errors before the graph is built
        RequestContext context = inputs.requestContext(profile);
        Workspace workspace = AnalysisInputs.workspace(index, source);
        BlastRadiusAnalysis analysis = new BlastRadiusAnalysis(workspace, Tactics.load(workspace.catalog()));
        // The graph built first, its last phase's idle core given to the enumeration's lists.
        workspace.graph(context, inputs.building(analysis.prepareDuringBuild()));
        inputs.progress().phase("enumerating");
        BlastRadius b = analysis.analyse(start, profile.name(), context, BlastOptions.defaults(Instant.now()));
        GrantCheck.Result check = null;
        long calls = 0;
        if (engine != Engine.LOCAL) {
            inputs.progress().phase("checking with the IAM Policy Simulator");
            try (SimulatorAuthorizer simulator = simulatorOptions.connect()) {
                check = GrantCheck.check(BlastGrants.of(b), (arn, resource, actions) -> byAction(
                        simulator.simulatePrincipal(arn, null, null, actions, List.of(resource),
                                Arn.accountOf(resource), context)), checkLimit, 1);
                calls = simulator.callCount();
            }
        }
        inputs.progress().close();
        switch (format) {
            case json -> {
                ObjectNode more = new ObjectMapper().createObjectNode();
                if (check != null) {
                    GrantCheckRenderer.json(check, calls, more);
                }
                BlastJsonRenderer.render(b, bounds, more, out);
            }
            case markdown -> BlastMarkdownRenderer.render(b, bounds, out);
            case jsonl -> BlastJsonLinesRenderer.render(b, out);
            case html -> BlastHtmlRenderer.render(b, bounds, out);
            default -> BlastTextRenderer.render(b, bounds, out);
        }
        if (check != null && format != Format.json && format != Format.jsonl) {
            out.println();
            GrantCheckRenderer.text(check, calls, out);
        }
        err.flush();
        return failOn == FailOn.admin && b.canReachAdmin() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
