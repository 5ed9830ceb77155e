package io.iamscope.cli;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.GraphSource;
import io.iamscope.analysis.Workspace;
import io.iamscope.analysis.diff.DiffAnalysis;
import io.iamscope.analysis.diff.PhaseClock;
import io.iamscope.analysis.diff.SnapshotDiff;
import io.iamscope.analysis.findings.Severity;
import io.iamscope.analysis.findings.Suppression;
import io.iamscope.analysis.review.ReviewOptions;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.Snapshot;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.ReadResult;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.report.DiffJsonRenderer;
import io.iamscope.report.DiffMarkdownRenderer;
import io.iamscope.report.DiffTextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iamscope diff OLD NEW}: two snapshots of the same account or organization compared, as written, for each
 * principal and by their reviews (docs/diff.md). Exits 0, or 1 with {@code --fail-on} when the change introduces
 * or widens a finding at or above it; 2 for input errors.
 */
@Command(name = "diff", description = "Compare two snapshots: what changed, and what each principal gained or lost.")
final class DiffCommand implements Callable<Integer> {

    enum Format { text, json, markdown }

    @Parameters(index = "0", paramLabel = "OLD", description = "The snapshot before the change.")
    Path oldSnapshot;

    @Parameters(index = "1", paramLabel = "NEW", description = "The snapshot after the change.")
    Path newSnapshot;

    @Option(names = "--before", paramLabel = "FILE", description = "Another snapshot file of the old side (an"
            + " account of an organization); repeatable.")
    List<Path> moreBefore = new ArrayList<>();

    @Option(names = "--after", paramLabel = "FILE", description = "Another snapshot file of the new side;"
            + " repeatable.")
    List<Path> moreAfter = new ArrayList<>();

    @Option(names = "--attacker", paramLabel = "PROFILE", defaultValue = "stolen-keys",
            description = "stolen-keys, console-session or insider (default: ${DEFAULT-VALUE}).")
    String attacker;

    @Mixin
    ContextOptions context = new ContextOptions();

    @Option(names = "--suppress", paramLabel = "FILE", description = "Suppressions, as for review.")
    Path suppress;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "low, medium, high or critical: exit 1 when the change introduces or widens a finding at"
                    + " or above it.")
    ReviewCommand.FailOn failOn;

    @Option(names = "--format", defaultValue = "text", description = "text, json or markdown (a pull-request comment) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of the output.")
    Path outFile;

    /** The graph seam, as for the other commands. */
    GraphSource graphs = AnalysisInputs.BUILT_IN_GRAPH;

    @Option(names = {"-q", "--quiet"},
            description = "No progress line (shown on standard error, when it is a terminal, after the first second).")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AttackerProfile profile = AnalysisInputs.profile(attacker);
        RequestContext requestContext = profile.context(context.values(), context.unknown());
        List<Suppression> suppressions = suppress == null ? List.of() : SuppressionFile.read(suppress);
        SnapshotDiff diff;
        PhaseClock clock = new PhaseClock();
        try (ProgressDisplay progress = ProgressDisplay.onStandardError(quiet)) {
            progress.phase("reading");
            Snapshot before = progress.saying(err, saying -> read(oldSnapshot, moreBefore, saying));
            Snapshot after = progress.saying(err, saying -> read(newSnapshot, moreAfter, saying));
            Workspace a = AnalysisInputs.workspace(new SnapshotIndex(before), graphs);
            Workspace b = AnalysisInputs.workspace(new SnapshotIndex(after), graphs);
            progress.phase("building graphs and comparing");
            diff = DiffAnalysis.run(a, ReviewOptions.defaults(ReportOut.asOf(before)), b,
                    ReviewOptions.defaults(ReportOut.asOf(after)), profile.name(), requestContext, suppressions, clock);
        }
        if (Boolean.getBoolean("iamscope.timings")) {
            clock.lines().forEach(err::println);
        }
        ReportOut.write(outFile, spec.commandLine().getOut(), err, out -> write(diff, out));
        return failOn != null && diff.introducesAtLeast(Severity.valueOf(failOn.name().toUpperCase(Locale.ROOT)))
                ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void write(SnapshotDiff diff, PrintWriter out) {
        if (format == Format.json) {
            DiffJsonRenderer.render(diff, out);
        } else if (format == Format.markdown) {
            DiffMarkdownRenderer.render(diff, "iamscope diff", out);
        } else {
            DiffTextRenderer.render(diff, out);
        }
        out.flush();
    }

    private static Snapshot read(Path first, List<Path> more, PrintWriter err) {
        List<Path> files = new ArrayList<>();
        files.add(first);
        files.addAll(more);
        ReadResult read = SnapshotReader.read(files, null, null);
        read.summary().forEach(err::println);
        err.flush();
        return read.snapshot();
    }
}
