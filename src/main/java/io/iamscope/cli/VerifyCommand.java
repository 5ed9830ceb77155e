package io.iamscope.cli;

import io.iamscope.analysis.verify.RequestSampler;
import io.iamscope.analysis.verify.SampledRequest;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.Decision;
import io.iamscope.access.Gathered;
import io.iamscope.access.Gatherer;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.report.ComparisonText;
import io.iamscope.analysis.verify.Comparison;
import io.iamscope.analysis.verify.DifferentialAuthorizer;
import io.iamscope.simulator.SimulatorAuthorizer;
import io.iamscope.analysis.verify.VerifyReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iamscope verify --snapshot FILE --sample N}: checks the local engine against AWS's IAM policy simulator
 * on random (principal, action, resource) triples of a snapshot, simulating each principal as itself
 * (SimulatePrincipalPolicy: AWS loads its live policies), and reports the agreement rate. A disagreement means
 * the engine or the snapshot differs from AWS: both are worth knowing.
 */
@Command(name = "verify", description = "Check the local engine against the IAM policy simulator on a random sample"
        + " of requests from a snapshot (calls AWS).")
final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Mixin
    SnapshotOptions input = new SnapshotOptions();

    @Option(names = "--sample", defaultValue = "50", description = "How many requests to check (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed, to reproduce a sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Mixin
    SimulatorOptions simulatorOptions = new SimulatorOptions();

    @Option(names = {"-v", "--verbose"}, description = "Also print agreeing requests.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (sample < 1) {
            throw new UserInputException("`--sample` must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        SnapshotIndex index = input.read(spec.commandLine().getErr());
        List<SampledRequest> requests = new RequestSampler(index, Catalog.bundled()).sample(sample, seed);
        Gatherer gatherer = new Gatherer(index);
        LocalAuthorizer local = new LocalAuthorizer();
        try (SimulatorAuthorizer simulator = simulatorOptions.connect()) {
            List<Comparison> comparisons = new ArrayList<>();
            for (SampledRequest r : requests) {
                Gathered g = gatherer.gather(r.principal(), r.action(), r.resource(), null);
                Decision mine = local.authorize(g.request(), g.policies());
                Decision aws = simulator.authorizePrincipal(r.principal().arn(), g.request(),
                        g.policies().resourcePolicy());
                Comparison c = new Comparison(r.id(), g.request(), mine, aws, DifferentialAuthorizer.agreement(mine, aws));
                ComparisonText.line(c, verbose, out);
                comparisons.add(c);
            }
            VerifyReport report = new VerifyReport(comparisons);
            out.println(ComparisonText.summary(report, 0, simulator.callCount()));
            out.flush();
            return report.disagreements().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }
}
