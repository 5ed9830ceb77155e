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
import io.iamscope.model.Account;
import io.iamscope.model.Snapshot;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.ReadResult;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.model.io.planned.PlannedSnapshot;
import io.iamscope.model.io.cloudformation.CloudFormationOverlay;
import io.iamscope.model.io.cloudformation.CloudFormationTemplate;
import io.iamscope.model.io.terraform.TerraformOverlay;
import io.iamscope.model.io.terraform.TerraformPlan;
import io.iamscope.report.CheckSarifRenderer;
import io.iamscope.report.DiffJsonRenderer;
import io.iamscope.report.DiffMarkdownRenderer;
import io.iamscope.report.DiffTextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code iamscope check --terraform-plan PLAN.json [--snapshot BASE]}: the IAM changes a Terraform plan would make,
 * applied to a snapshot and compared with it as {@code diff} compares two snapshots (docs/check.md). Exits 1 with
 * {@code --fail-on} when the plan introduces or widens a finding at or above it; 2 for input errors.
 */
@Command(name = "check", description = "Check a Terraform plan's IAM changes against a snapshot: what they would"
        + " give, before they land.")
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json, markdown, sarif }

    /** The account of a check without a base snapshot when --account is not given. */
    static final String EMPTY_ACCOUNT = "000000000000";

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "The account as it is; left out, an empty account plus what is planned.")
    List<Path> snapshots = new ArrayList<>();

    @Option(names = "--terraform-plan", paramLabel = "PLAN.json",
            description = "The output of `terraform show -json PLANFILE`; repeatable, applied in order.")
    List<Path> plans = new ArrayList<>();

    @Option(names = "--cloudformation", paramLabel = "TEMPLATE",
            description = "A CloudFormation template (JSON or YAML) whose stack is checked as if created;"
                    + " repeatable, applied in order after the plans.")
    List<Path> templates = new ArrayList<>();

    @Option(names = "--parameter", paramLabel = "NAME=VALUE",
            description = "A template parameter's value (over its default); repeatable.")
    Map<String, String> parameters = new java.util.LinkedHashMap<>();

    @Option(names = "--region", paramLabel = "REGION", description = "The stack's region (AWS::Region in a"
            + " template); left out, a value that needs it does not resolve.")
    String region;

    @Option(names = "--stack-name", paramLabel = "NAME", defaultValue = "stack", description = "The stack's name"
            + " (AWS::StackName, and the start of the names CloudFormation makes) (default: ${DEFAULT-VALUE}).")
    String stackName;

    @Option(names = "--account", paramLabel = "ID", description = "The account the plan changes (needed when the"
            + " snapshot holds several).")
    String account;

    @Option(names = "--attacker", paramLabel = "PROFILE", defaultValue = "stolen-keys",
            description = "stolen-keys, console-session or insider (default: ${DEFAULT-VALUE}).")
    String attacker;

    @Mixin
    ContextOptions context = new ContextOptions();

    @Option(names = "--suppress", paramLabel = "FILE", description = "Suppressions, as for review.")
    Path suppress;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "low, medium, high or critical: exit 1 when the plan introduces or widens a finding at"
                    + " or above it.")
    ReviewCommand.FailOn failOn;

    @Option(names = "--format", defaultValue = "text", description = "text, json, markdown (a pull-request comment) or sarif (code scanning, at the"
            + " planned resources) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of the output.")
    Path outFile;

    GraphSource graphs = AnalysisInputs.BUILT_IN_GRAPH;

    @Option(names = {"-q", "--quiet"},
            description = "No progress line (shown on standard error, when it is a terminal, after the first second).")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (plans.isEmpty() && templates.isEmpty()) {
            throw new UserInputException("CHECK_NOTHING: give --terraform-plan PLAN.json or --cloudformation"
                    + " TEMPLATE");
        }
        AttackerProfile profile = AnalysisInputs.profile(attacker);
        List<Suppression> suppressions = suppress == null ? List.of() : SuppressionFile.read(suppress);
        ProgressDisplay progress = ProgressDisplay.onStandardError(quiet);
        progress.phase("reading");
        Snapshot base = progress.saying(err, this::base);
        String target = target(base);
        Snapshot after = base;
        List<String> unknown = new ArrayList<>(context.unknown());
        List<String> warnings = new ArrayList<>();
        int applied = 0;
        CheckAnchors anchors = new CheckAnchors();
        for (Path p : plans) {
            TerraformPlan plan = TerraformPlan.read(p);
            PlannedSnapshot planned = TerraformOverlay.apply(after, plan, target);
            anchors.plan(plan, planned.addresses());
            after = planned.snapshot();
            unknown.addAll(planned.unknownKeys());
            warnings.addAll(planned.warnings());
            applied += planned.applied();
        }
        for (Path t : templates) {
            CloudFormationTemplate template = CloudFormationTemplate.read(t);
            PlannedSnapshot planned = CloudFormationOverlay.apply(after, template, target, region, stackName,
                    parameters);
            anchors.template(template, planned.addresses());
            after = planned.snapshot();
            unknown.addAll(planned.unknownKeys());
            warnings.addAll(planned.warnings());
            applied += planned.applied();
        }
        int changes = applied;
        progress.aside(() -> {
            warnings.forEach(w -> err.println("iamscope: warning: " + w));
            err.println("applied " + changes + " IAM change(s) of " + plans.size() + " plan(s) and "
                    + templates.size() + " template(s) to account " + target);
            err.flush();
        });
        progress.phase("building graphs and comparing");
        RequestContext requestContext = profile.context(context.values(), unknown);
        Instant asOf = Instant.now();
        PhaseClock clock = new PhaseClock();
        Workspace before = AnalysisInputs.workspace(new SnapshotIndex(base), graphs);
        SnapshotDiff compared = DiffAnalysis.run(before, ReviewOptions.defaults(asOf),
                Workspace.following(before, new SnapshotIndex(after)), ReviewOptions.defaults(asOf), profile.name(),
                requestContext, suppressions, clock);
        progress.close();
        if (Boolean.getBoolean("iamscope.timings")) {
            clock.lines().forEach(err::println);
        }
        List<Path> inputs = new ArrayList<>(plans);
        inputs.addAll(templates);
        String planNames = String.join(", ", inputs.stream().map(Path::toString).toList());
        SnapshotDiff diff = compared.relabelled(snapshots.isEmpty() ? "an empty account " + target : compared.before(),
                "the same with " + planNames + " applied", warnings);
        ReportOut.write(outFile, spec.commandLine().getOut(), err, out -> write(diff, anchors, out));
        return failOn != null && diff.introducesAtLeast(Severity.valueOf(failOn.name().toUpperCase(Locale.ROOT)))
                ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private Snapshot base(PrintWriter err) {
        if (snapshots.isEmpty()) {
            String id = account == null ? EMPTY_ACCOUNT : account;
            return new Snapshot(Snapshot.CURRENT_VERSION, null, Map.of(), null, List.of(new Account(id, null,
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), false)));
        }
        ReadResult read = SnapshotReader.read(snapshots, null, null);
        read.summary().forEach(err::println);
        err.flush();
        return read.snapshot();
    }

    private String target(Snapshot base) {
        if (account != null) {
            return account;
        }
        if (base.accounts().size() != 1) {
            throw new UserInputException("CHECK_ACCOUNT_AMBIGUOUS: the snapshot holds " + base.accounts().size()
                    + " accounts: say which one the plan changes with --account ("
                    + String.join(", ", base.accounts().stream().map(Account::accountId).toList()) + ")");
        }
        return base.accounts().get(0).accountId();
    }

    private void write(SnapshotDiff diff, CheckAnchors anchors, PrintWriter out) {
        if (format == Format.sarif) {
            CheckSarifRenderer.render(diff, anchors.files(), anchors, out);
        } else if (format == Format.json) {
            DiffJsonRenderer.render(diff, out);
        } else if (format == Format.markdown) {
            DiffMarkdownRenderer.render(diff, "iamscope check", out);
        } else {
            DiffTextRenderer.render(diff, out);
        }
        out.flush();
    }
}
