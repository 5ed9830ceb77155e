package io.iamscope.cli;

import io.iamscope.aws.CredentialsFailure;
import io.iamscope.catalog.CatalogException;
import io.iamscope.collect.CollectException;
import io.iamscope.model.ModelException;
import io.iamscope.model.io.SnapshotException;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policytest.CaseFileException;
import io.iamscope.policytest.InvalidCaseException;
import io.iamscope.simulator.SimulatorException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Maps what a command throws to one line on stderr and an exit code, for every command: no command catches
 * these itself. A user's own mistake never shows a stack trace; an unexpected exception does only with
 * {@code --debug}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    /**
     * What the user sees of a failure: the exit code and the line on stderr. One line, always: a message that
     * quotes the input (a policy's {@code "Effect": "D\ny"}, found by the policy fuzzer) shows its line breaks
     * escaped, so that a log or a CI annotation keeps the whole error together.
     */
    record Outcome(int exitCode, String line) {
        Outcome {
            line = line.replace("\r", "\\r").replace("\n", "\\n").replace("\u0085", "\\u0085")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        }
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        TerminalProgress.closeAll();
        // What the command printed before it failed (the cases checked so far) comes first.
        cmd.getOut().flush();
        PrintWriter err = cmd.getErr();
        Outcome outcome = outcome(e);
        err.println(outcome.line());
        if (outcome.exitCode() == ExitCodes.INTERNAL_ERROR && Boolean.getBoolean("iamscope.debug")) {
            e.printStackTrace(err);
        }
        err.flush();
        return outcome.exitCode();
    }

    /** The exit code and line for {@code e}. */
    static Outcome outcome(Exception e) {
        // A thread pool hands an Error on wrapped (ExecutionException, IllegalStateException).
        var exhausted = Exhaustion.of(e);
        if (exhausted.isPresent()) {
            return new Outcome(ExitCodes.RESOURCE_EXHAUSTED, Exhaustion.line(exhausted.get()));
        }
        if (e instanceof PolicyParseException p) {
            return new Outcome(ExitCodes.INPUT_ERROR, "iamscope: " + p.describe());
        }
        if (e instanceof ModelException m) {
            return new Outcome(ExitCodes.INPUT_ERROR, "iamscope: " + m.code() + ": " + m.getMessage());
        }
        if (e instanceof SnapshotException || e instanceof CaseFileException || e instanceof InvalidCaseException
                || e instanceof UserInputException) {
            return new Outcome(ExitCodes.INPUT_ERROR, "iamscope: " + e.getMessage());
        }
        if (e instanceof SimulatorException s) {
            return new Outcome(ExitCodes.AWS_ERROR, "iamscope: " + s.code() + ": " + s.getMessage());
        }
        if (e instanceof CredentialsFailure c) {
            return new Outcome(ExitCodes.AWS_ERROR, "iamscope: NO_CREDENTIALS: " + c.getMessage());
        }
        if (e instanceof CollectException c) {
            return new Outcome(ExitCodes.AWS_ERROR, "iamscope: " + c.code() + ": " + c.getMessage());
        }
        // The catalog is bundled: when it cannot be read, the build is broken, not the user's input.
        String what = e instanceof CatalogException ? e.getMessage() : e.toString();
        return new Outcome(ExitCodes.INTERNAL_ERROR, "iamscope: internal error: " + what
                + " (please report it; run with --debug for details)");
    }
}
