package io.iamscope.cli;

import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.policytest.CaseFileReader;
import io.iamscope.policytest.CaseResult;
import io.iamscope.policytest.CaseRunner;
import io.iamscope.policytest.InOrderRuns;
import io.iamscope.policytest.PolicyMemo;
import io.iamscope.report.CaseResultsJson;
import io.iamscope.report.CaseResultsJunit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iamscope test FILE...}: policy unit tests in JSON Lines, one line per failing case and a summary. */
@Command(name = "test", description = "Run policy test cases (JSON Lines or a JSON array; directories are searched"
        + " for *.jsonl and *.json).")
final class TestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Case files or directories.")
    List<Path> files;

    @Option(names = {"-v", "--verbose"}, description = "Also print passing cases.")
    boolean verbose;

    @Option(names = "--format", defaultValue = "text", description = "text, json or junit (JUnit XML for CI) (default:"
            + " ${DEFAULT-VALUE}).")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N", description = "Cases run on N threads, results printed in the"
            + " order of the cases (default: the number of processors).")
    Integer threads;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads must be at least 1, not " + threads);
        }
        int on = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        // The engine reads the bundled catalog (a few tenths of a second cold) while the files are read.
        java.util.concurrent.CompletableFuture<LocalAuthorizer> engine =
                java.util.concurrent.CompletableFuture.supplyAsync(LocalAuthorizer::new);
        // Every file is checked before any case runs, so a malformed file stops the run before it prints.
        List<CaseFileReader.Found> cases = new ArrayList<>();
        for (Path file : expand(files)) {
            List<CaseFileReader.Found> found = CaseFileReader.scan(file);
            InOrderRuns.check(found, on);
            cases.addAll(found);
        }
        if (cases.isEmpty()) {
            // Nothing tested is not "every test passed".
            throw new UserInputException("no test cases in " + String.join(", ", files.stream()
                    .map(f -> "`" + f + "`").toList()));
        }
        CaseRunner runner = new CaseRunner(engine.join(), PolicyMemo.create());
        int[] counts = new int[CaseResult.Status.values().length];
        List<CaseResult> results = new ArrayList<>();
        InOrderRuns.run(cases, runner, on, r -> {
            counts[r.status().ordinal()]++;
            if (format == OutputFormat.TEXT) {
                // Printed as it comes, so that a long run answers from its first failure on.
                printText(r, out);
            } else {
                results.add(r);
            }
        });
        int passed = counts[CaseResult.Status.PASSED.ordinal()];
        int failed = counts[CaseResult.Status.FAILED.ordinal()];
        int skipped = counts[CaseResult.Status.SKIPPED.ordinal()];
        if (format == OutputFormat.JSON) {
            out.println(CaseResultsJson.render(results));
        } else if (format == OutputFormat.JUNIT) {
            out.print(CaseResultsJunit.render(results));
        } else {
            out.println(passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        }
        out.flush();
        if (skipped > 0) {
            // A case that cannot run proves nothing: the run fails as an input error, with the count.
            int total = cases.size();
            PrintWriter err = spec.commandLine().getErr();
            err.println("iamscope: " + skipped + " of " + total + " case" + (total == 1 ? "" : "s")
                    + (skipped == 1 ? " is" : " are") + " invalid and " + (skipped == 1 ? "was" : "were")
                    + " skipped: fix " + (skipped == 1 ? "it" : "them") + ", or remove " + (skipped == 1 ? "it" : "them"));
            err.flush();
            return ExitCodes.INPUT_ERROR;
        }
        return failed > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void printText(CaseResult r, PrintWriter out) {
        switch (r.status()) {
            case PASSED -> {
                if (verbose) {
                    out.println("PASS " + r.id() + " (" + r.origin() + ")");
                    out.flush();
                }
            }
            case FAILED -> {
                out.println("FAIL " + r.id() + " (" + r.origin() + "): " + r.message());
                out.flush();
            }
            case SKIPPED -> {
                out.println("SKIP " + r.id() + " (" + r.origin() + "): " + r.message());
                out.flush();
            }
        }
    }

    static List<Path> expand(List<Path> given) {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                int before = out.size();
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> f.toString().endsWith(".jsonl") || f.toString().endsWith(".json"))
                            .sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UserInputException("cannot read directory `" + p + "`: " + e.getMessage());
                }
                if (out.size() == before) {
                    throw new UserInputException("no case files (*.jsonl, *.json) in `" + p + "`");
                }
            } else if (!Files.isRegularFile(p)) {
                throw new UserInputException("no such file `" + p + "`");
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
