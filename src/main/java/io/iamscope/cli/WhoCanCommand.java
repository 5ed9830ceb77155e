package io.iamscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.analysis.verify.GrantCheck;
import io.iamscope.policy.Arn;
import io.iamscope.eval.Decision;
import io.iamscope.simulator.SimulatorAuthorizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.GraphSource;
import io.iamscope.analysis.whocan.WhoCan;
import io.iamscope.analysis.whocan.WhoCanResult;
import io.iamscope.catalog.Action;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.PathLimits;
import io.iamscope.model.LookupException;
import io.iamscope.model.Nearest;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.report.BlastJsonRenderer;
import io.iamscope.report.GrantCheckRenderer;
import io.iamscope.report.WhoCanJsonRenderer;
import io.iamscope.report.WhoCanTextRenderer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iamscope who-can ACTION RESOURCE --snapshot FILE}: every principal that can perform the request,
 * directly or through a path. Exits 0 whatever the answer; 2 for input errors.
 */
@Command(name = "who-can", description = "List every principal that can perform an action on a resource, directly"
        + " or through a path.")
final class WhoCanCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "ACTION", description = "One action, e.g. s3:GetObject.")
    String action;

    @Parameters(index = "1", paramLabel = "RESOURCE", description = "The resource ARN, or * for actions without one.")
    String resource;

    @Mixin
    AnalysisInputs inputs;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    /** The graph seam; tests put a hand-built graph here. */
    GraphSource graphs = AnalysisInputs.BUILT_IN_GRAPH;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--engine", defaultValue = "local", description = "local, or simulator/both: the local analysis"
            + " finds who can (the simulator cannot enumerate), then AWS's IAM policy simulator re-checks each direct"
            + " answer (default: ${DEFAULT-VALUE}).")
    Engine engine;

    @CommandLine.Mixin
    SimulatorOptions simulatorOptions = new SimulatorOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AttackerProfile profile = inputs.profile();
        Catalog catalog = Catalog.bundled();
        Action known = catalog.action(action).orElseThrow(() -> new LookupException("ACTION_UNKNOWN", "`" + action
                + "` is not an action of the catalog", Nearest.to(action,
                catalog.actions().stream().map(Action::fullName).toList(), 3)));
        GraphSource source = inputs.stored(graphs, err);
        SnapshotIndex index = inputs.index(err);
        checkResource(index);
        RequestContext context = inputs.requestContext(profile);
        inputs.progress().phase("building graph and enumerating");
        WhoCanResult r = new WhoCan(AnalysisInputs.workspace(index, source))
                .find(known.fullName(), resource, profile.name(), context, PathLimits.DEFAULT);
        GrantCheck.Result check = null;
        long calls = 0;
        if (engine != Engine.LOCAL) {
            inputs.progress().phase("checking with the IAM Policy Simulator");
            try (SimulatorAuthorizer simulator = simulatorOptions.connect()) {
                check = GrantCheck.check(r.grants(), (arn, res, actions) -> {
                    Map<String, Decision> byAction = new HashMap<>();
                    simulator.simulatePrincipal(arn, null, null, actions, List.of(res), Arn.accountOf(res), context)
                            .forEach((k, d) -> byAction.put(k.action(), d));
                    return byAction;
                }, Integer.MAX_VALUE, 1);
                calls = simulator.callCount();
            }
        }
        inputs.progress().close();
        if (format == Format.json) {
            ObjectNode tree = WhoCanJsonRenderer.tree(r);
            if (check != null) {
                GrantCheckRenderer.json(check, calls, tree);
            }
            BlastJsonRenderer.print(tree, out);
        } else {
            WhoCanTextRenderer.render(r, out);
            if (check != null) {
                out.println();
                GrantCheckRenderer.text(check, calls, out);
            }
        }
        err.flush();
        return ExitCodes.OK;
    }

    private void checkResource(SnapshotIndex index) {
        if (!"*".equals(resource) && !Arn.isArn(resource)) {
            List<String> near = index.nearestResources(resource);
            throw new LookupException("RESOURCE_INVALID", "`" + resource + "` is not an ARN", near);
        }
    }
}
