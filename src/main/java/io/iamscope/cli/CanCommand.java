package io.iamscope.cli;

import io.iamscope.catalog.Catalog;
import io.iamscope.policy.Arn;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.eval.Decision;
import io.iamscope.access.Gathered;
import io.iamscope.analysis.Workspace;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.LookupException;
import io.iamscope.model.Nearest;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.analysis.GapsInPlay;
import io.iamscope.model.Gap;
import io.iamscope.report.CanJsonRenderer;
import io.iamscope.report.GapWords;
import io.iamscope.report.CanTextRenderer;
import io.iamscope.analysis.verify.Agreement;
import io.iamscope.analysis.verify.DifferentialAuthorizer;
import io.iamscope.eval.NotChecked;
import io.iamscope.simulator.SimulatorAuthorizer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iamscope can PRINCIPAL ACTION RESOURCE --snapshot FILE}: whether one principal of a snapshot can make
 * one request, and why. Exits 0 whatever the decision (it answers a question); 2 for input errors.
 */
@Command(name = "can", description = "Tell whether a principal of a snapshot can perform an action on a resource,"
        + " and why.")
final class CanCommand implements Callable<Integer> {
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9]+");

    /** Output formats. */
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "PRINCIPAL",
            description = "User or role ARN or name, assumed-role session ARN, account root ARN, access key id.")
    String principal;

    @Parameters(index = "1", paramLabel = "ACTION", description = "One action, e.g. s3:GetObject.")
    String action;

    @Parameters(index = "2", paramLabel = "RESOURCE", description = "The resource ARN, or * for actions without one.")
    String resource;

    @CommandLine.Mixin
    AnalysisInputs inputs = new AnalysisInputs();

    @Option(names = "--engine", defaultValue = "local",
            description = "local, simulator (AWS's IAM policy simulator; calls AWS) or both (default: ${DEFAULT-VALUE}).")
    Engine engine;

    @CommandLine.Mixin
    SimulatorOptions simulatorOptions = new SimulatorOptions();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The collection gaps that could change the answer, listed after it. */
    private List<Gap> gaps = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RequestContext context = inputs.requestContext();
        SnapshotIndex index = inputs.index(err);
        inputs.progress().close(); // one decision: no phase worth showing after the reading
        PrincipalRef who = index.resolvePrincipal(principal);
        checkAction(index);
        checkResource(index, err);
        // A single decision needs no graph: only the workspace's gatherer and engine.
        Workspace workspace = AnalysisInputs.workspace(index, AnalysisInputs.BUILT_IN_GRAPH);
        Gathered g = workspace.gatherer().gather(who, action, resource, context);
        gaps = new GapsInPlay(index.snapshot()).forRequest(action, resource);
        if (engine == Engine.LOCAL) {
            render(g, workspace.engine().authorize(g.request(), g.policies()), out);
            err.flush();
            return ExitCodes.OK;
        }
        try (SimulatorAuthorizer simulator = simulatorOptions.connect()) {
            Decision simulated = simulate(simulator, who, g);
            if (engine == Engine.SIMULATOR) {
                render(g, simulated, out);
            } else {
                Decision local = workspace.engine().authorize(g.request(), g.policies());
                renderBoth(g, local, simulated, out);
            }
        }
        err.flush();
        return ExitCodes.OK;
    }

    /**
     * A principal of the account is simulated as itself (SimulatePrincipalPolicy: AWS loads its policies, its
     * groups' and its boundary, and the SCPs); the root user through the documents (SimulateCustomPolicy).
     */
    private static Decision simulate(SimulatorAuthorizer simulator, PrincipalRef who, Gathered g) {
        if (who.principal() == null) {
            return simulator.authorize(g.request(), g.policies());
        }
        return simulator.authorizePrincipal(who.principal().arn(), g.request(), g.policies().resourcePolicy());
    }

    private void render(Gathered g, Decision d, PrintWriter out) {
        if (format == Format.json) {
            ObjectNode tree = CanJsonRenderer.tree(g, d);
            tree.put("engine", engine.name().toLowerCase(Locale.ROOT));
            GapWords.json(gaps, tree);
            CanJsonRenderer.print(tree, out);
        } else {
            CanTextRenderer.render(g, d, out);
            GapWords.text(gaps, out);
        }
    }

    private void renderBoth(Gathered g, Decision local, Decision simulated, PrintWriter out) {
        Agreement agreement = DifferentialAuthorizer.agreement(local, simulated);
        if (format == Format.json) {
            ObjectNode tree = CanJsonRenderer.tree(g, local);
            tree.put("engine", "both");
            tree.set("simulator", CanJsonRenderer.tree(g, simulated));
            tree.put("agreement", agreement.name().toLowerCase(Locale.ROOT));
            GapWords.json(gaps, tree);
            CanJsonRenderer.print(tree, out);
            return;
        }
        out.println("== local engine");
        CanTextRenderer.render(g, local, out);
        out.println();
        out.println("== IAM policy simulator");
        CanTextRenderer.render(g, simulated, out);
        out.println();
        out.println(switch (agreement) {
            case AGREE -> "the engines agree";
            case DISAGREE -> "the engines DISAGREE: compare the explanations above";
            case NOT_COMPARABLE -> "not checked by the simulator: " + String.join("; ", NotChecked.reasons(simulated));
        });
        GapWords.text(gaps, out);
        out.flush();
    }

    private void checkAction(SnapshotIndex index) {
        if (!ACTION.matcher(action).matches()) {
            throw new LookupException("ACTION_INVALID", "`" + action + "` is not one action (service:Action, no"
                    + " wildcard)", Nearest.to(action, index.actionsNamed(), 3));
        }
        // As who-can: a misspelled action matches no policy, and the answer would be a confident deny.
        Catalog catalog = Catalog.bundled();
        if (catalog.action(action).isEmpty()) {
            throw new LookupException("ACTION_UNKNOWN", "`" + action + "` is not an action of the catalog",
                    Nearest.to(action, catalog.actions().stream().map(io.iamscope.catalog.Action::fullName).toList(),
                            3));
        }
    }

    private void checkResource(SnapshotIndex index, PrintWriter err) {
        if ("*".equals(resource)) {
            return;
        }
        if (!Arn.isArn(resource)) {
            throw new LookupException("RESOURCE_INVALID", "`" + resource + "` is not an ARN",
                    index.nearestResources(resource));
        }
        if (!index.knows(resource)) {
            List<String> near = index.nearestResources(resource);
            if (!near.isEmpty()) {
                err.println("iamscope: `" + resource + "` is not in the snapshot: did you mean "
                        + String.join(", ", near.stream().map(n -> "`" + n + "`").toList()) + "?");
            }
        }
    }
}
