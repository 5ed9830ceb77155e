package io.iamscope.cli;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.GraphSource;
import io.iamscope.analysis.Workspace;
import io.iamscope.analysis.trail.AppliedChanges;
import io.iamscope.analysis.trail.ChangeOverlay;
import io.iamscope.analysis.trail.CredentialLedger;
import io.iamscope.analysis.trail.LogsRead;
import io.iamscope.analysis.trail.TrailAnalysis;
import io.iamscope.analysis.trail.TrailReport;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.PathLimits;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.cloudtrail.CloudTrailOverlay;
import io.iamscope.model.io.cloudtrail.CloudTrailReader;
import io.iamscope.model.io.planned.PlannedSnapshot;
import io.iamscope.model.trail.TrailEvent;
import io.iamscope.model.io.cloudtrail.ReadStats;
import io.iamscope.model.io.cloudtrail.ReadWarning;
import io.iamscope.report.TrailHtmlRenderer;
import io.iamscope.report.TrailJsonRenderer;
import io.iamscope.report.TrailTextRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iamscope trail START --snapshot FILE --logs PATH}: what the attacker holding START did in the CloudTrail
 * logs, laid over what the access graph says it could do (docs/trail.md). Exits 0, 1 when a hop the graph did not
 * predict was seen (the graph or its data is wrong: a finding), 2 for input errors.
 */
@Command(name = "trail", description = "Follow an attacker's credentials through CloudTrail logs, over the access graph.")
final class TrailCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, html }

    @Parameters(index = "0", paramLabel = "START",
            description = "The compromised access key id, an assumed-role session ARN, or a user or role ARN or name"
                    + " (all its credentials).")
    String start;

    @Mixin
    AnalysisInputs inputs;

    @Option(names = "--logs", paramLabel = "PATH", required = true,
            description = "CloudTrail log files (.json, or .csv from Athena or CloudTrail Lake; gzipped or not) or"
                    + " folders of them (repeatable).")
    List<Path> logs;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Leave out records before TIME (ISO 8601: 2026-11-27T21:00:00Z, or a day: 2026-11-27).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Leave out records at or after TIME.")
    String until;

    @Option(names = "--as-of", paramLabel = "TIME", description = "Show the access the attacker's changes made at or"
            + " before TIME bought (default: every change logged).")
    String asOf;

    @Option(names = "--format", defaultValue = "text", description = "text, json or html (one self-contained page; default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--threads", defaultValue = "0", description = "Log files read at once (default: the cores).")
    int threads;

    /** The graph seam; tests put a hand-built graph here. */
    GraphSource graphs = AnalysisInputs.BUILT_IN_GRAPH;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant from = time("--since", since);
        Instant to = time("--until", until);
        Instant at = time("--as-of", asOf);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new UserInputException("--since " + since + " is not before --until " + until);
        }
        List<Path> files;
        try {
            files = CloudTrailReader.files(logs);
        } catch (NoSuchFileException e) {
            throw new UserInputException(e.getMessage() + ": no such file or folder (--logs)");
        } catch (IOException e) {
            throw new UserInputException("cannot list the logs: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UserInputException("no CloudTrail log file (.json, .csv, gzipped or not) under " + logs);
        }
        AttackerProfile profile = inputs.profile();
        GraphSource source = inputs.stored(graphs, err);
        SnapshotIndex index = inputs.index(err);
        index.resolvePrincipal(start); // input errors before the logs are read
        CredentialLedger ledger = new CredentialLedger();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        inputs.progress().phase("reading CloudTrail logs");
        ReadStats stats = new CloudTrailReader(from, to, n).read(files, ledger);
        inputs.progress().aside(() -> {
            for (ReadWarning w : stats.warnings()) {
                err.println("iamscope: warning: " + w);
            }
            err.flush();
        });
        RequestContext context = inputs.requestContext(profile);
        Workspace workspace = AnalysisInputs.workspace(index, source);
        AccessGraph graph = workspace.graph(context, inputs.building());
        inputs.progress().phase("following the credentials");
        LogsRead read = new LogsRead(stats.files(), stats.records(), stats.outside(),
                stats.warnings().stream().map(ReadWarning::toString).toList());
        TrailReport report = new TrailAnalysis(workspace, graph, context, PathLimits.DEFAULT, overlay(index))
                .analyse(start, ledger, read, from, to, at);
        inputs.progress().close();
        switch (format) {
            case json -> TrailJsonRenderer.render(report, out);
            case html -> TrailHtmlRenderer.render(report, out);
            default -> TrailTextRenderer.render(report, out);
        }
        err.flush();
        return report.unpredicted().isEmpty() && report.unpredictedPrincipals().isEmpty()
                && report.unexplained().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** The attacker's changes applied as {@code check} applies a plan's: through its overlay. */
    private ChangeOverlay overlay(SnapshotIndex index) {
        return new ChangeOverlay() {
            @Override
            public boolean applies(String eventName) {
                return CloudTrailOverlay.applies(eventName);
            }

            @Override
            public AppliedChanges apply(List<TrailEvent> changes) {
                PlannedSnapshot p = CloudTrailOverlay.apply(index.snapshot(), changes);
                return new AppliedChanges(AnalysisInputs.workspace(new SnapshotIndex(p.snapshot()), graphs),
                        p.unknownKeys(), p.warnings(), p.applied());
            }
        };
    }

    private static Instant time(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UserInputException(option + " `" + value + "` is not a time (2026-11-27T21:00:00Z or 2026-11-27)");
        }
    }
}
