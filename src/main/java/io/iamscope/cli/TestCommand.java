package io.iamscope.cli;

import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.policytest.CaseFileException;
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
import java.util.function.Consumer;
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

    /** Cases run together per thread, once the first file has answered: enough to keep the threads busy. */
    private static final int RUN_TOGETHER = 256;

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
        List<Path> paths = expand(files);
        CaseRunner runner = new CaseRunner(engine.join(), PolicyMemo.create());
        int[] counts = new int[CaseResult.Status.values().length];
        List<CaseResult> results = new ArrayList<>();
        Consumer<CaseResult> onResult = r -> {
            counts[r.status().ordinal()]++;
            if (format == OutputFormat.TEXT) {
                // Printed as it comes, so that a long run answers from its first failure on.
                printText(r, out);
            } else {
                results.add(r);
            }
        };
        int refused = format == OutputFormat.TEXT ? runAsRead(paths, runner, on, onResult)
                : runAfterChecking(paths, runner, on, onResult);
        int total = java.util.Arrays.stream(counts).sum();
        if (total == 0 && refused == 0) {
            // Nothing tested is not "every test passed".
            throw new UserInputException("no test cases in " + String.join(", ", files.stream()
                    .map(f -> "`" + f + "`").toList()));
        }
        int passed = counts[CaseResult.Status.PASSED.ordinal()];
        int failed = counts[CaseResult.Status.FAILED.ordinal()];
        int skipped = counts[CaseResult.Status.SKIPPED.ordinal()];
        if (format == OutputFormat.JSON) {
            out.println(CaseResultsJson.render(results));
        } else if (format == OutputFormat.JUNIT) {
            out.print(CaseResultsJunit.render(results));
        } else if (total > 0) {
            out.println(passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        if (skipped > 0) {
            // A case that cannot run proves nothing: the run fails as an input error, with the count.
            err.println("iamscope: " + skipped + " of " + total + " case" + (total == 1 ? "" : "s")
                    + (skipped == 1 ? " is" : " are") + " invalid and " + (skipped == 1 ? "was" : "were")
                    + " skipped: fix " + (skipped == 1 ? "it" : "them") + ", or remove " + (skipped == 1 ? "it" : "them"));
        }
        if (refused > 0 && paths.size() > 1) {
            err.println("iamscope: " + refused + " of " + paths.size() + " case files " + (refused == 1 ? "was" : "were")
                    + " refused (above) and none of " + (refused == 1 ? "its" : "their") + " cases ran");
        }
        err.flush();
        if (skipped > 0 || refused > 0) {
            return ExitCodes.INPUT_ERROR;
        }
        return failed > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * For a document (JSON, JUnit XML): every file is checked before any case runs, so that a malformed file
     * stops the run before anything is printed (a document without one file's results would mislead).
     */
    private static int runAfterChecking(List<Path> paths, CaseRunner runner, int threads,
                                        Consumer<CaseResult> onResult) {
        List<CaseFileReader.Found> cases = new ArrayList<>();
        for (Path file : paths) {
            List<CaseFileReader.Found> found = CaseFileReader.scan(file);
            InOrderRuns.check(found, threads);
            cases.addAll(found);
        }
        InOrderRuns.run(cases, runner, threads, onResult);
        return 0;
    }

    /**
     * For text, read as a stream: each file is checked whole before its cases run (a malformed file runs none
     * of them), and the cases run as soon as their file is checked, so that a folder of many files answers from
     * its first file on. A malformed file is named on stderr where it comes, and the other files still run: the
     * run then exits 2. Returns the number of files refused.
     */
    private int runAsRead(List<Path> paths, CaseRunner runner, int threads, Consumer<CaseResult> onResult) {
        PrintWriter err = spec.commandLine().getErr();
        List<CaseFileReader.Found> pending = new ArrayList<>();
        // The first file runs alone, for a quick first answer; then enough cases to keep every thread busy.
        int runAt = 1;
        int refused = 0;
        for (Path file : paths) {
            List<CaseFileReader.Found> found;
            try {
                found = CaseFileReader.scan(file);
                InOrderRuns.check(found, threads);
            } catch (CaseFileException e) {
                InOrderRuns.run(pending, runner, threads, onResult);
                pending.clear();
                spec.commandLine().getOut().flush();
                err.println(ErrorHandler.outcome(e).line());
                err.flush();
                refused++;
                continue;
            }
            pending.addAll(found);
            if (pending.size() >= runAt) {
                InOrderRuns.run(pending, runner, threads, onResult);
                pending.clear();
                runAt = RUN_TOGETHER * threads;
            }
        }
        InOrderRuns.run(pending, runner, threads, onResult);
        return refused;
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
