package io.iamscope.cli;

import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.policytest.CaseFileReader;
import io.iamscope.policytest.CaseResult;
import io.iamscope.policytest.CaseRunner;
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CaseRunner runner = new CaseRunner(new LocalAuthorizer());
        List<CaseResult> results = new ArrayList<>();
        for (Path file : expand(files)) {
            for (CaseFileReader.RawCase raw : CaseFileReader.read(file)) {
                results.add(runner.run(raw));
            }
        }
        if (results.isEmpty()) {
            // Nothing tested is not "every test passed".
            throw new UserInputException("no test cases in " + String.join(", ", files.stream()
                    .map(f -> "`" + f + "`").toList()));
        }
        int failed = (int) results.stream().filter(r -> r.status() == CaseResult.Status.FAILED).count();
        long skipped = results.stream().filter(r -> r.status() == CaseResult.Status.SKIPPED).count();
        if (format == OutputFormat.JSON) {
            out.println(CaseResultsJson.render(results));
        } else if (format == OutputFormat.JUNIT) {
            out.print(CaseResultsJunit.render(results));
        } else {
            printText(results, out);
        }
        out.flush();
        if (skipped > 0) {
            // A case that cannot run proves nothing: the run fails as an input error, with the count.
            PrintWriter err = spec.commandLine().getErr();
            err.println("iamscope: " + skipped + " of " + results.size() + " case" + (results.size() == 1 ? "" : "s")
                    + (skipped == 1 ? " is" : " are") + " invalid and " + (skipped == 1 ? "was" : "were")
                    + " skipped: fix " + (skipped == 1 ? "it" : "them") + ", or remove " + (skipped == 1 ? "it" : "them"));
            err.flush();
            return ExitCodes.INPUT_ERROR;
        }
        return failed > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void printText(List<CaseResult> results, PrintWriter out) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (CaseResult r : results) {
                switch (r.status()) {
                    case PASSED -> {
                        passed++;
                        if (verbose) {
                            out.println("PASS " + r.id() + " (" + r.origin() + ")");
                        }
                    }
                    case FAILED -> {
                        failed++;
                        out.println("FAIL " + r.id() + " (" + r.origin() + "): " + r.message());
                    }
                    case SKIPPED -> {
                        skipped++;
                        out.println("SKIP " + r.id() + " (" + r.origin() + "): " + r.message());
                    }
                }
        }
        out.println(passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
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
