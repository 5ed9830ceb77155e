package io.iamscope.cli;

import io.iamscope.model.ModelException;
import io.iamscope.model.io.SnapshotException;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policytest.CaseFileException;
import io.iamscope.policytest.InvalidCaseException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Maps what a command throws to one line on stderr and an exit code. A user's own mistake never shows a
 * stack trace; an unexpected exception does only with {@code --debug}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof PolicyParseException p) {
            err.println("iamscope: " + p.describe());
            return ExitCodes.INPUT_ERROR;
        }
        if (e instanceof SnapshotException) {
            err.println("iamscope: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
        if (e instanceof ModelException m) {
            err.println("iamscope: " + m.code() + ": " + m.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
        if (e instanceof CaseFileException || e instanceof InvalidCaseException || e instanceof UserInputException) {
            err.println("iamscope: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
        if (e instanceof AwsFailureException) {
            err.println("iamscope: " + e.getMessage());
            return ExitCodes.AWS_ERROR;
        }
        err.println("iamscope: internal error: " + e + " (please report it; run with --debug for details)");
        if (Boolean.getBoolean("iamscope.debug")) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }
}
