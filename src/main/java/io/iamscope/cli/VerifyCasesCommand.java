package io.iamscope.cli;

import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policytest.CaseFileReader;
import io.iamscope.policytest.CaseReader;
import io.iamscope.policytest.DecisionText;
import io.iamscope.policytest.InvalidCaseException;
import io.iamscope.policytest.PolicyTestCase;
import io.iamscope.simulator.Agreement;
import io.iamscope.simulator.Comparison;
import io.iamscope.simulator.DifferentialAuthorizer;
import io.iamscope.simulator.NotChecked;
import io.iamscope.simulator.SimulatorAuthorizer;
import io.iamscope.simulator.SimulatorConnection;
import io.iamscope.simulator.SimulatorException;
import io.iamscope.simulator.SimulatorSettings;
import io.iamscope.simulator.Verifier;
import io.iamscope.simulator.VerifyCase;
import io.iamscope.simulator.VerifyReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iamscope verify-cases FILE...}: runs {@code iamscope test} case files through the local engine and the
 * IAM policy simulator and reports where they disagree. The expected outcome of a case is not used: this
 * checks the engine against AWS, not the case against the engine.
 */
@Command(name = "verify-cases", description = "Compare the local engine with the IAM policy simulator on policy"
        + " test cases (calls AWS).")
final class VerifyCasesCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Case files or directories.")
    List<Path> files;

    @Option(names = "--endpoint-url", description = "IAM endpoint to call instead of the default.")
    String endpointUrl;

    @Option(names = "--profile", description = "Named AWS profile for credentials.")
    String profile;

    @Option(names = "--region", description = "AWS region (IAM is global; defaults to aws-global).")
    String region;

    @Option(names = "--rate", description = "At most this many simulator calls per second (0: no limit).",
            defaultValue = "0")
    double rate;

    @Option(names = {"-v", "--verbose"}, description = "Also print agreeing cases.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<VerifyCase> cases = new ArrayList<>();
        int skipped = 0;
        for (Path file : TestCommand.expand(files)) {
            for (CaseFileReader.RawCase raw : CaseFileReader.read(file)) {
                try {
                    PolicyTestCase c = CaseReader.read(raw);
                    cases.add(new VerifyCase(c.id() + " (" + c.origin() + ")", c.request(), c.policies()));
                } catch (PolicyParseException | InvalidCaseException e) {
                    skipped++;
                    out.println("SKIP " + raw.origin() + ": " + (e instanceof PolicyParseException p ? p.describe()
                            : e.getMessage()));
                }
            }
        }
        SimulatorSettings settings = SimulatorSettings.DEFAULTS.withRate(rate);
        try (SimulatorAuthorizer simulator = SimulatorAuthorizer.connect(
                SimulatorConnection.of(endpointUrl, profile, region), settings)) {
            Verifier verifier = new Verifier(new DifferentialAuthorizer(new LocalAuthorizer(), simulator));
            VerifyReport report = verifier.verify(cases, c -> print(out, c));
            out.println(report.count(Agreement.AGREE) + " agree, " + report.count(Agreement.DISAGREE)
                    + " disagree, " + report.count(Agreement.NOT_COMPARABLE) + " not checked by the simulator"
                    + (skipped > 0 ? ", " + skipped + " skipped" : "")
                    + String.format(Locale.ROOT, " (agreement %.1f%%, %d simulator calls)",
                    100 * report.agreementRate(), simulator.callCount()));
            out.flush();
            return report.disagreements().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
        } catch (SimulatorException e) {
            out.flush();
            spec.commandLine().getErr().println("iamscope: " + e.code() + ": " + e.getMessage());
            return ExitCodes.AWS_ERROR;
        }
    }

    private void print(PrintWriter out, Comparison c) {
        switch (c.agreement()) {
            case AGREE -> {
                if (verbose) {
                    out.println("AGREE " + c.id() + ": " + DecisionText.summary(c.local()));
                }
            }
            case DISAGREE -> out.println("DISAGREE " + c.id() + ": local " + DecisionText.summary(c.local())
                    + "; simulator " + DecisionText.summary(c.simulator()));
            case NOT_COMPARABLE -> out.println("NOT CHECKED " + c.id() + ": "
                    + String.join("; ", NotChecked.reasons(c.simulator())));
        }
    }
}
