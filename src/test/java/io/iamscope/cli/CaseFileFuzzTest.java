package io.iamscope.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.policytest.CaseFileReader;
import io.iamscope.policytest.CaseResult;
import io.iamscope.policytest.CaseRunner;
import java.util.Objects;

/**
 * Any text as a case file of `iamscope test`: refused with the file (exit 2), or every case run: passed, failed
 * or skipped with its reason, never an exception. Seeds in
 * src/test/resources/io/iamscope/cli/CaseFileFuzzTestInputs/caseFile/.
 */
class CaseFileFuzzTest {
    private static final String FILE = "fuzz-cases.jsonl";
    private static final CaseRunner RUNNER = new CaseRunner(new LocalAuthorizer());

    @FuzzTest(maxDuration = "15s")
    void caseFile(byte[] input) {
        InputInvariant.holds(FILE, () -> {
            for (CaseFileReader.RawCase raw : CaseFileReader.read(InputInvariant.text(input), FILE)) {
                CaseResult result = RUNNER.run(raw);
                Objects.requireNonNull(result.status());
            }
        });
    }
}
