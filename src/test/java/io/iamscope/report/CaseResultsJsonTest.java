package io.iamscope.report;

import org.junit.jupiter.api.Test;

/**
 * Golden file of {@code iamscope test --format json}: the sample policy tests (all pass) and a few that fail or
 * cannot run.
 */
class CaseResultsJsonTest {
    @Test
    void sampleCasesAndFailingOnes() {
        // As TestCommand prints it: one println of the rendered string.
        Golden.check("case-results-json/policies-fixtures-cases.failing-cases.json",
                out -> out.println(CaseResultsJson.render(ReportInputs.caseResults())));
    }
}
