package io.iamscope.report;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.blast.BlastOptions;
import io.iamscope.analysis.findings.Suppression;
import io.iamscope.analysis.review.Review;
import io.iamscope.analysis.review.ReviewAnalysis;
import io.iamscope.analysis.review.ReviewOptions;
import io.iamscope.model.CredentialReport;
import io.iamscope.model.io.CredentialReportReader;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.BlastRadiusAnalysis;
import io.iamscope.analysis.verify.Grant;
import io.iamscope.analysis.verify.GrantCheck;
import io.iamscope.analysis.whocan.WhoCan;
import io.iamscope.analysis.whocan.WhoCanResult;
import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.Tactics;
import io.iamscope.eval.Constraint;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Layer;
import io.iamscope.eval.LayerVerdict;
import io.iamscope.eval.MatchedStatement;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.StatementRef;
import io.iamscope.access.Gathered;
import io.iamscope.analysis.Workspace;
import io.iamscope.analysis.Workspaces;
import io.iamscope.graph.AccessGraph;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.AdminPaths;
import io.iamscope.graph.PathLimits;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.Effect;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policytest.CaseFileReader;
import io.iamscope.policytest.CaseReader;
import io.iamscope.policytest.CaseResult;
import io.iamscope.policytest.CaseRunner;
import io.iamscope.policytest.PolicyTestCase;
import io.iamscope.analysis.verify.Comparison;
import io.iamscope.analysis.verify.DifferentialAuthorizer;
import io.iamscope.eval.NotChecked;
import io.iamscope.analysis.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;

/**
 * Every input of the report golden tests, and the only place that knows how analyses are built: when the
 * analysis API changes (graph, blast radius, who-can, gatherer, command inputs), only this class should need
 * updating, and the golden files must then come out byte for byte the same.
 *
 * <p>Each method builds its answer the way the command that prints it does today (cli/BlastRadiusCommand,
 * WhoCanCommand, PathsCommand, GraphCommand, CanCommand, all through cli/AnalysisInputs, and TestCommand), with
 * the same attacker context (the default one of every analysis command), and with a fixed clock so that no report holds the time of the run. Answers that would need AWS
 * (the IAM policy simulator) are hand-built records instead. Snapshots, graphs and answers are built once
 * per test run and shared (they are immutable).
 */
final class ReportInputs {
    /** The clock of every blast radius: its hunting queries look 90 days back from here. */
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** The snapshots the reports are made of. {@link #id} names them in golden file names. */
    enum Input {
        /** The bundled sample organization (docs/sample-org.md). */
        SAMPLE_ORG("sample-org", "policies-fixtures/sample-org/snapshot.json"),
        /** An IAM policy-write technique: the attacker may put an inline policy on itself. */
        PUT_USER_POLICY("iam-put-user-policy", "src/test/resources/techniques/iam-put-user-policy/positive.json"),
        /** A pass-role technique: the attacker may pass an admin role to an EC2 instance it starts. */
        PASS_ROLE("ec2-run-instances-pass-role",
                "src/test/resources/techniques/ec2-run-instances-pass-role/positive.json");

        final String id;
        final Path snapshot;

        Input(String id, String snapshot) {
            this.id = id;
            this.snapshot = Path.of(snapshot);
        }
    }

    /** The leaked key of the sample organization's story: the README's main job starts from it. */
    static final String CONTRACTOR_KEY = "AKIAZCONTRACTOR7LEAK";
    /** The technique fixtures' attacker. */
    static final String ATTACKER = "arn:aws:iam::111111111111:user/attacker";

    private static final Map<Input, SnapshotIndex> INDEXES = new ConcurrentHashMap<>();
    private static final Map<Input, BlastRadiusAnalysis> BLAST_ANALYSES = new ConcurrentHashMap<>();
    private static final Map<Input, Workspace> WORKSPACES = new ConcurrentHashMap<>();
    private static final Map<String, BlastRadius> BLASTS = new ConcurrentHashMap<>();
    private static Catalog catalog;
    private static Tactics tactics;

    private ReportInputs() {
    }

    static synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = Catalog.bundled();
            tactics = Tactics.load(catalog);
        }
        return catalog;
    }

    /** The snapshot as the commands read it (SnapshotOptions: no --resources, no --org-dir). */
    static SnapshotIndex index(Input input) {
        return INDEXES.computeIfAbsent(input, i -> new SnapshotIndex(
                SnapshotReader.read(List.of(i.snapshot), null, null).snapshot()));
    }

    // ---- blast-radius (cli/BlastRadiusCommand) ----

    /** The attacker of every analysis command without --attacker, --context, --unknown. */
    static final AttackerProfile PROFILE = AttackerProfile.DEFAULT;

    private static RequestContext analysisContext() {
        return PROFILE.context(Map.of(), List.of());
    }

    /** {@code iamscope blast-radius START --snapshot ...} (engine local, default attacker), at {@link #NOW}. */
    static BlastRadius blastRadius(Input input, String start) {
        return BLASTS.computeIfAbsent(input.id + " " + start, k -> {
            BlastRadiusAnalysis analysis = BLAST_ANALYSES.computeIfAbsent(input, i -> {
                Workspace workspace = workspace(i);
                BlastRadiusAnalysis made = new BlastRadiusAnalysis(workspace, tactics());
                workspace.graph(analysisContext(), made.prepareDuringBuild());
                return made;
            });
            index(input).resolvePrincipal(start);
            return analysis.analyse(start, PROFILE.name(), analysisContext(), BlastOptions.defaults(NOW));
        });
    }

    /** The snapshot's workspace, as cli/AnalysisInputs makes it: one per input, shared by every analysis. */
    private static Workspace workspace(Input input) {
        return WORKSPACES.computeIfAbsent(input, i -> new Workspace(index(i), catalog(), new LocalAuthorizer(),
                Workspaces.BUILT_IN));
    }

    private static synchronized Tactics tactics() {
        catalog();
        return tactics;
    }

    // ---- review (cli/ReviewCommand) ----

    /** The sample organization's credential reports (policies-fixtures/sample-org/generate.py writes them). */
    static final List<Path> SAMPLE_CREDENTIAL_REPORTS = List.of(
            Path.of("policies-fixtures/sample-org/credential-report-111111111111.csv"),
            Path.of("policies-fixtures/sample-org/credential-report-222222222222.csv"),
            Path.of("policies-fixtures/sample-org/credential-report-333333333333.csv"));

    /** The suppressions of policies-fixtures/sample-org/suppressions.yaml, as cli/SuppressionFile reads them. */
    static final List<Suppression> SAMPLE_SUPPRESSIONS = List.of(
            new Suppression("PRINCIPAL_UNUSED", "arn:aws:iam::*:role/*break-glass*",
                    "break-glass roles are used only in an emergency; their use is alarmed",
                    java.time.LocalDate.parse("2027-06-30"), "suppressions.yaml entry 1"),
            new Suppression("PRINCIPAL_UNUSED", "arn:aws:iam::*:role/OrganizationAccountAccessRole",
                    "the organization's access role, used by the account factory only", null,
                    "suppressions.yaml entry 2"));

    private static final Map<String, Review> REVIEWS = new ConcurrentHashMap<>();

    /**
     * {@code iamscope review --snapshot ...} with the default attacker, as of the snapshot's collection time; for
     * the sample organization with its credential reports and suppressions ({@code --credential-report} x3,
     * {@code --suppress policies-fixtures/sample-org/suppressions.yaml}).
     */
    static Review review(Input input) {
        return REVIEWS.computeIfAbsent(input.id, k -> {
            SnapshotIndex index = index(input);
            boolean sample = input == Input.SAMPLE_ORG;
            List<CredentialReport> reports = sample ? SAMPLE_CREDENTIAL_REPORTS.stream()
                    .map(CredentialReportReader::read).toList() : List.of();
            ReviewOptions options = ReviewOptions.defaults(Instant.parse(index.snapshot().collectedAt()))
                    .withCredentialReports(reports);
            return new ReviewAnalysis(workspace(input)).run(PROFILE.name(), analysisContext(), options,
                    sample ? SAMPLE_SUPPRESSIONS : List.of());
        });
    }

    // ---- who-can (cli/WhoCanCommand) ----

    /** {@code iamscope who-can ACTION RESOURCE --snapshot ...} (engine local, default attacker). */
    static WhoCanResult whoCan(Input input, String action, String resource) {
        String known = catalog().action(action).orElseThrow().fullName();
        return new WhoCan(workspace(input)).find(known, resource, PROFILE.name(), analysisContext(),
                PathLimits.DEFAULT);
    }

    // ---- paths and graph (cli/PathsCommand, cli/GraphCommand) ----

    private static AccessGraph graph(Input input) {
        return workspace(input).graph(analysisContext());
    }

    /** {@code iamscope graph --snapshot ...}: the access graph as the export gets it. */
    static Graph<PrincipalNode, AccessEdge> accessGraph(Input input) {
        return graph(input).graph();
    }

    /** {@code iamscope graph --start START [--to admin] --snapshot ...}: one start's paths. */
    static Graph<PrincipalNode, AccessEdge> startSubgraph(Input input, String start, boolean toAdmin) {
        AccessGraph graph = graph(input);
        PrincipalNode node = graph.node(index(input).resolvePrincipal(start).arn()).orElseThrow();
        return io.iamscope.analysis.StartSubgraph.of(graph, node, toAdmin, PathLimits.DEFAULT);
    }

    /** The start's node, as {@code graph --start START} resolves it. */
    static PrincipalNode startNode(Input input, String start) {
        return graph(input).node(index(input).resolvePrincipal(start).arn()).orElseThrow();
    }

    /** Each principal's admin status in the access graph ({@code graph --format html} marks administrators). */
    static java.util.function.Function<PrincipalNode, io.iamscope.access.AdminStatus> adminStatus(Input input) {
        return graph(input)::admin;
    }

    /** What {@code iamscope paths} renders: the start node and a path per target, in the command's order. */
    record Paths(PrincipalNode from, Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> paths) {
    }

    /**
     * {@code iamscope paths FROM [--to TO] --snapshot ...} (default --max-depth 12, conditional edges
     * followed).
     *
     * @param to null for every reachable principal, {@code admin} for the nearest administrator, or an ARN
     */
    static Paths paths(Input input, String from, String to) {
        SnapshotIndex index = index(input);
        PrincipalRef who = index.resolvePrincipal(from);
        AccessGraph graph = graph(input);
        PrincipalNode start = graph.node(who.arn()).orElseThrow();
        PathLimits limits = new PathLimits(12, true);
        Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> paths = new LinkedHashMap<>();
        if (to == null) {
            paths.putAll(graph.reachableFrom(start, limits));
        } else if ("admin".equals(to)) {
            AdminPaths.shortest(graph, start, limits).ifPresent(p -> paths.put(p.getEndVertex(), p));
        } else {
            PrincipalNode target = graph.node(to).orElseThrow();
            graph.path(start, target, limits).ifPresent(p -> paths.put(target, p));
        }
        return new Paths(start, paths);
    }

    // ---- can (cli/CanCommand) ----

    /** What {@code iamscope can} renders. */
    record Can(Gathered gathered, Decision decision) {
    }

    /**
     * {@code iamscope can PRINCIPAL ACTION RESOURCE --snapshot ... [--unknown KEY]...} with the local engine:
     * the default attacker's context with the keys declared unknown (the gatherer derives the rest).
     */
    static Can can(Input input, String principal, String action, String resource, String... unknown) {
        SnapshotIndex index = index(input);
        PrincipalRef who = index.resolvePrincipal(principal);
        RequestContext context = PROFILE.context(Map.of(), List.of(unknown));
        Workspace workspace = workspace(input);
        Gathered g = workspace.gatherer().gather(who, action, resource, context);
        return new Can(g, workspace.engine().authorize(g.request(), g.policies()));
    }

    // ---- test (cli/TestCommand) ----

    /** The bundled sample policy tests (all pass), in the order {@code iamscope test policies-fixtures/cases} runs them. */
    static final List<Path> CASE_FILES = List.of(Path.of("policies-fixtures/cases/ci-deploy.jsonl"),
            Path.of("policies-fixtures/cases/data-platform.jsonl"),
            Path.of("policies-fixtures/cases/org-guardrails.jsonl"));

    /**
     * Cases that do not pass, for the other statuses of {@code iamscope test}: a wrong expectation, a
     * conditional answer expected definite, an unknown outcome word and a policy that does not parse (both
     * skipped).
     */
    static final Path FAILING_CASES = Path.of("src/test/resources/report/failing-cases.jsonl");

    /** {@code iamscope test FILE... --format json}: each case run by the local engine, in file order. */
    static List<CaseResult> caseResults() {
        CaseRunner runner = new CaseRunner(new LocalAuthorizer());
        List<CaseResult> results = new ArrayList<>();
        for (Path file : CASE_FILES) {
            for (CaseFileReader.RawCase raw : CaseFileReader.read(file)) {
                results.add(runner.run(raw));
            }
        }
        for (CaseFileReader.RawCase raw : CaseFileReader.read(FAILING_CASES)) {
            results.add(runner.run(raw));
        }
        return results;
    }

    // ---- the IAM policy simulator's answers, hand-built (no network) ----

    private static final SourceLocation SIMULATOR = SourceLocation.of("iam policy simulator");

    /** An answer of the simulator in principal mode: sources are the policy names it gives, statements unresolved. */
    static Decision simulated(Outcome outcome, String... sources) {
        Effect effect = outcome == Outcome.EXPLICIT_DENY ? Effect.DENY : Effect.ALLOW;
        List<MatchedStatement> statements = new ArrayList<>();
        for (String source : sources) {
            statements.add(new MatchedStatement(new StatementRef(Layer.IDENTITY, source, null, -1, effect, -1),
                    Constraint.TRUE));
        }
        List<LayerVerdict> layers = List.of(new LayerVerdict(Layer.SCP, -1,
                outcome == Outcome.EXPLICIT_DENY ? Constraint.FALSE : Constraint.TRUE, Constraint.FALSE, true));
        return new Decision(outcome, Constraint.TRUE, outcome, statements, layers, List.of());
    }

    /** A request the simulator was not asked (a placeholder decision with the reason). */
    static Decision notChecked(String reason) {
        return new Decision(Outcome.IMPLICIT_DENY, Constraint.TRUE, Outcome.IMPLICIT_DENY, List.of(), List.of(),
                List.of(Diagnostic.error(NotChecked.CODE, reason, SIMULATOR)));
    }

    /**
     * What {@code --engine simulator} adds under a report: the report's grants re-checked as the commands do
     * (GrantCheck, at most {@code limit}, a sample of seed 1 past it) against hand-built simulator answers
     * (principal mode): "not checked" where {@code notChecked} holds, an implicit deny where {@code refused}
     * holds, an Allow elsewhere.
     *
     * @param refused    (principal ARN, action): the simulator denies
     * @param notChecked (principal ARN, action): the simulator was not asked
     */
    static GrantCheck.Result grantCheck(List<Grant> grants, int limit, BiPredicate<String, String> refused,
                                        BiPredicate<String, String> notChecked) {
        return GrantCheck.check(grants, (arn, resource, actions) -> {
            Map<String, Decision> answers = new LinkedHashMap<>();
            for (String action : actions) {
                if (notChecked.test(arn, action)) {
                    answers.put(action, notChecked("the simulator does not evaluate resource control policies"));
                } else if (refused.test(arn, action)) {
                    answers.put(action, simulated(Outcome.IMPLICIT_DENY));
                } else {
                    answers.put(action, simulated(Outcome.ALLOW, "inline-policy"));
                }
            }
            return answers;
        }, limit, 1);
    }

    /** The simulator calls of a check: one per (principal, resource) batch, as SimulatorAuthorizer counts them. */
    static long calls(GrantCheck.Result r) {
        return r.checked().stream().map(c -> c.grant().principal() + "\n" + c.grant().resource()).distinct().count();
    }

    /**
     * {@code iamscope verify-cases policies-fixtures/cases/ci-deploy.jsonl}: the local engine against a
     * hand-built simulator (custom-policy mode) that agrees on most cases, disagrees on two (the second: an
     * implicit deny; the third: a boundary Deny) and was not asked the federated one (the eighth: it cannot act
     * as an identity provider's user).
     */
    static VerifyReport comparisons() {
        List<PolicyTestCase> cases = new ArrayList<>();
        for (CaseFileReader.RawCase raw : CaseFileReader.read(CASE_FILES.get(0))) {
            cases.add(CaseReader.read(raw));
        }
        LocalAuthorizer local = new LocalAuthorizer();
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            PolicyTestCase c = cases.get(i);
            Decision mine = local.authorize(c.request(), c.policies());
            Decision aws = switch (i) {
                case 1 -> simulated(Outcome.IMPLICIT_DENY);
                case 2 -> new Decision(Outcome.EXPLICIT_DENY, Constraint.TRUE, Outcome.EXPLICIT_DENY,
                        List.of(new MatchedStatement(new StatementRef(Layer.BOUNDARY, "permissionBoundary",
                                "ProtectBoundary", 1, Effect.DENY, -1), Constraint.TRUE)), List.of(), List.of());
                case 7 -> notChecked("the simulator cannot act as a " + c.request().caller().kind().name()
                        .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " caller `" + c.request().caller().arn()
                        + "`");
                default -> mine.isConditional() ? mine : simulated(mine.outcome());
            };
            out.add(new Comparison(c.id() + " (" + c.origin() + ")", c.request(), mine, aws,
                    DifferentialAuthorizer.agreement(mine, aws)));
        }
        return new VerifyReport(out);
    }

    // ---- trail (cli/TrailCommand) ----

    /** The sample organization's CloudTrail logs (policies-fixtures/sample-org/cloudtrail/). */
    static final Path SAMPLE_LOGS = Path.of("policies-fixtures/sample-org/cloudtrail");
    /** A log whose acme-deploy session assumes a role the graph says it cannot. */
    static final Path UNPREDICTED_LOGS = Path.of("src/test/resources/trail/unpredicted");
    /** A log whose leaked contractor key reads a secret the snapshot says it cannot, before any change of its. */
    static final Path UNEXPLAINED_LOGS = Path.of("src/test/resources/trail/unexplained");

    /** The attacker's changes applied as cli/TrailCommand applies them: through check's overlay. */
    private static io.iamscope.analysis.trail.ChangeOverlay overlay(Input input) {
        return new io.iamscope.analysis.trail.ChangeOverlay() {
            @Override
            public boolean applies(String eventName) {
                return io.iamscope.model.io.cloudtrail.CloudTrailOverlay.applies(eventName);
            }

            @Override
            public io.iamscope.analysis.trail.AppliedChanges apply(List<io.iamscope.model.trail.TrailEvent> changes) {
                io.iamscope.model.io.planned.PlannedSnapshot p = io.iamscope.model.io.cloudtrail.CloudTrailOverlay
                        .apply(index(input).snapshot(), changes);
                return new io.iamscope.analysis.trail.AppliedChanges(new Workspace(new SnapshotIndex(p.snapshot()),
                        catalog(), new LocalAuthorizer(), Workspaces.BUILT_IN), p.unknownKeys(), p.warnings(),
                        p.applied());
            }
        };
    }

    /** {@code iamscope trail START --snapshot ... --logs ...} (one reading thread: the order of warnings is fixed anyway). */
    static io.iamscope.analysis.trail.TrailReport trail(Input input, String start, List<Path> logs) {
        try {
            io.iamscope.analysis.trail.CredentialLedger ledger = new io.iamscope.analysis.trail.CredentialLedger();
            io.iamscope.model.io.cloudtrail.ReadStats stats = new io.iamscope.model.io.cloudtrail.CloudTrailReader(
                    null, null, 1).read(io.iamscope.model.io.cloudtrail.CloudTrailReader.files(logs), ledger);
            io.iamscope.analysis.trail.LogsRead read = new io.iamscope.analysis.trail.LogsRead(stats.files(),
                    stats.records(), stats.outside(), stats.warnings().stream().map(Object::toString).toList());
            return new io.iamscope.analysis.trail.TrailAnalysis(workspace(input), graph(input), analysisContext(),
                    PathLimits.DEFAULT, overlay(input)).analyse(start, ledger, read, null, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
