package io.iamscope.cli;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.GraphSource;
import io.iamscope.analysis.Workspace;
import io.iamscope.analysis.findings.Severity;
import io.iamscope.analysis.findings.Suppression;
import io.iamscope.analysis.review.Review;
import io.iamscope.analysis.review.ReviewAnalysis;
import io.iamscope.analysis.review.ReviewOptions;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.Snapshot;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.report.ReviewHtmlRenderer;
import io.iamscope.report.ReviewJsonRenderer;
import io.iamscope.report.ReviewMarkdownRenderer;
import io.iamscope.report.ReviewSarifRenderer;
import io.iamscope.report.ReviewTextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code iamscope review --snapshot FILE...}: the pre-incident access review of a whole account or organization
 * (docs/review.md). Exits 1 when a finding at or above {@code --fail-on} remains after suppressions, else 0; 2
 * for input errors.
 */
@Command(name = "review", description = "Review a whole account or organization: every finding, its evidence and"
        + " what to change.")
final class ReviewCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, markdown, sarif, html }

    /** The severities --fail-on takes. */
    enum FailOn { low, medium, high, critical }

    @Mixin
    AnalysisInputs inputs;

    @Option(names = "--suppress", paramLabel = "FILE",
            description = "Suppressions, YAML or JSON: code, ARN pattern, reason, optional expiry date.")
    Path suppress;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "low, medium, high or critical: exit 1 when a finding at or above it remains.")
    FailOn failOn;

    @Option(names = "--format", defaultValue = "text",
            description = "text, json, markdown, sarif or html (one self-contained page: sortable, filterable findings)"
                    + " (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of the output.")
    Path outFile;

    /** The graph seam; tests put a hand-built graph here. */
    GraphSource graphs = AnalysisInputs.BUILT_IN_GRAPH;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AttackerProfile profile = inputs.profile();
        RequestContext context = inputs.requestContext(profile);
        List<Suppression> suppressions = suppress == null ? List.of() : SuppressionFile.read(suppress);
        GraphSource source = inputs.stored(graphs, err);
        Snapshot snapshot = inputs.readSnapshot(err);
        ReviewOptions options = ReviewOptions.defaults(ReportOut.asOf(snapshot))
                .withCredentialReports(inputs.credentials.reports(err));
        Workspace workspace = AnalysisInputs.workspace(new SnapshotIndex(snapshot), source);
        ReviewAnalysis analysis = new ReviewAnalysis(workspace);
        long start = System.nanoTime();
        workspace.graph(context, inputs.building());
        long built = System.nanoTime();
        inputs.progress().phase("enumerating findings");
        Review review = analysis.run(profile.name(), context, options, suppressions);
        inputs.progress().close();
        if (Boolean.getBoolean("iamscope.timings")) {
            err.println("graph " + (built - start) / 1_000_000 + " ms; " + analysis.timings());
        }
        review.warnings().forEach(w -> err.println("iamscope: warning: " + w));
        err.flush();
        ReportOut.write(outFile, spec.commandLine().getOut(), err, out -> write(review, out));
        return failOn != null && review.hasAtLeast(Severity.valueOf(failOn.name().toUpperCase(java.util.Locale.ROOT)))
                ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void write(Review review, PrintWriter out) {
        switch (format) {
            case json -> ReviewJsonRenderer.render(review, out);
            case markdown -> ReviewMarkdownRenderer.render(review, out);
            case html -> ReviewHtmlRenderer.render(review, out);
            case sarif -> ReviewSarifRenderer.render(review, inputs.snapshot.snapshots.stream().map(Path::toString)
                    .toList(), SarifLines.of(review, inputs.snapshot.snapshots), out);
            default -> ReviewTextRenderer.render(review, out);
        }
        out.flush();
    }
}
