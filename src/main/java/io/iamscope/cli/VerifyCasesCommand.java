package io.iamscope.cli;

import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policytest.CaseFileReader;
import io.iamscope.policytest.CaseReader;
import io.iamscope.policytest.InvalidCaseException;
import io.iamscope.policytest.PolicyTestCase;
import io.iamscope.report.ComparisonText;
import io.iamscope.analysis.verify.DifferentialAuthorizer;
import io.iamscope.simulator.SimulatorAuthorizer;
import io.iamscope.analysis.verify.Verifier;
import io.iamscope.analysis.verify.VerifyCase;
import io.iamscope.analysis.verify.VerifyReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @CommandLine.Mixin
    SimulatorOptions simulatorOptions = new SimulatorOptions();

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
        try (SimulatorAuthorizer simulator = simulatorOptions.connect()) {
            Verifier verifier = new Verifier(new DifferentialAuthorizer(new LocalAuthorizer(), simulator));
            VerifyReport report = verifier.verify(cases, c -> ComparisonText.line(c, verbose, out));
            out.println(ComparisonText.summary(report, skipped, simulator.callCount()));
            out.flush();
            return report.disagreements().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }
}
