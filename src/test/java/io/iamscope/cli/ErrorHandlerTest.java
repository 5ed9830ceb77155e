package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.catalog.CatalogException;
import io.iamscope.collect.CollectException;
import io.iamscope.model.LookupException;
import io.iamscope.model.ModelException;
import io.iamscope.model.io.SnapshotException;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policytest.CaseFileException;
import io.iamscope.policytest.InvalidCaseException;
import io.iamscope.simulator.SimulatorException;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every exception a command may throw, with the exit code and the one line the user sees (README, Exit codes). */
class ErrorHandlerTest {
    private static final String REPORT = " (please report it; run with --debug for details)";

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(new PolicyParseException("POLICY_INVALID_EFFECT", "`Effect` must be `Allow` or `Deny`,"
                                + " not `allow`", new SourceLocation("p.json", "/Statement/0/Effect")), 2,
                        "iamscope: POLICY_INVALID_EFFECT: `Effect` must be `Allow` or `Deny`, not `allow`: p.json at"
                                + " /Statement/0/Effect"),
                Arguments.of(new SnapshotException("SNAPSHOT_MALFORMED_JSON", "not valid json",
                                new SourceLocation("s.json", "")), 2,
                        "iamscope: s.json: SNAPSHOT_MALFORMED_JSON: not valid json"),
                Arguments.of(new ModelException("SNAPSHOT_DUPLICATE_ACCOUNT", "account `1` appears twice"), 2,
                        "iamscope: SNAPSHOT_DUPLICATE_ACCOUNT: account `1` appears twice"),
                Arguments.of(new LookupException("PRINCIPAL_NOT_FOUND", "no user or role named `mle`", List.of("mlee")),
                        2, "iamscope: PRINCIPAL_NOT_FOUND: no user or role named `mle`: did you mean `mlee`?"),
                Arguments.of(new CaseFileException("cannot read `cases.jsonl`: no such file"), 2,
                        "iamscope: cannot read `cases.jsonl`: no such file"),
                Arguments.of(new InvalidCaseException("case `read`: `expected` must be `Allow` or `Deny`"), 2,
                        "iamscope: case `read`: `expected` must be `Allow` or `Deny`"),
                Arguments.of(new UserInputException("`--sample` must be at least 1"), 2,
                        "iamscope: `--sample` must be at least 1"),
                Arguments.of(new SimulatorException("SIMULATOR_ACCESS_DENIED", "access denied for"
                                + " `iam:SimulateCustomPolicy`", null), 3,
                        "iamscope: SIMULATOR_ACCESS_DENIED: access denied for `iam:SimulateCustomPolicy`"),
                Arguments.of(new CollectException("UNREACHABLE", "cannot reach aws: ConnectException: refused"), 3,
                        "iamscope: UNREACHABLE: cannot reach aws: ConnectException: refused"),
                Arguments.of(new CatalogException("catalog `catalog.json.gz` is not valid JSON: eof"), 4,
                        "iamscope: internal error: catalog `catalog.json.gz` is not valid JSON: eof" + REPORT),
                Arguments.of(new IllegalStateException("boom"), 4,
                        "iamscope: internal error: java.lang.IllegalStateException: boom" + REPORT));
    }

    @ParameterizedTest
    @MethodSource("exceptions")
    void mapsEachExceptionToItsExitCodeAndOneLine(Exception e, int exitCode, String line) {
        assertEquals(new ErrorHandler.Outcome(exitCode, line), ErrorHandler.outcome(e));
    }

    @Test
    void printsTheLineAfterWhatTheCommandPrinted() {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        PrintWriter out = new PrintWriter(new BufferedWriter(outText));
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(out);
        cmd.setErr(new PrintWriter(errText));
        out.println("AGREE case 1");
        int exit = new ErrorHandler().handleExecutionException(new SimulatorException("SIMULATOR_THROTTLED",
                "`iam:SimulatePrincipalPolicy` still throttled after retries (try a lower `--rate`)", null), cmd, null);
        assertEquals(3, exit);
        assertEquals("AGREE case 1", outText.toString().trim(), "flushed before the error");
        assertEquals("iamscope: SIMULATOR_THROTTLED: `iam:SimulatePrincipalPolicy` still throttled after retries"
                + " (try a lower `--rate`)", errText.toString().trim());
    }

    @Test
    void aUsersMistakeNeverShowsAStackTrace() {
        StringWriter errText = new StringWriter();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setErr(new PrintWriter(errText));
        String old = System.getProperty("iamscope.debug");
        System.setProperty("iamscope.debug", "true");
        try {
            new ErrorHandler().handleExecutionException(new UserInputException("`--sample` must be at least 1"), cmd,
                    null);
            assertEquals(1, errText.toString().trim().split("\n").length, errText.toString());
            new ErrorHandler().handleExecutionException(new IllegalStateException("boom"), cmd, null);
            assertTrue(errText.toString().contains("\tat "), "--debug shows an internal error's stack trace");
        } finally {
            if (old == null) {
                System.clearProperty("iamscope.debug");
            } else {
                System.setProperty("iamscope.debug", old);
            }
        }
    }
}
