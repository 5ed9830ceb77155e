package io.iamscope.report;

import io.iamscope.analysis.verify.Comparison;
import io.iamscope.analysis.verify.VerifyReport;
import org.junit.jupiter.api.Test;

/**
 * Golden files of the differential check's text ({@code iamscope verify}, {@code verify-cases}): the local
 * engine on the ci-deploy sample cases against hand-built simulator answers (no AWS).
 */
class ComparisonTextTest {
    @Test
    void verbose() {
        VerifyReport report = ReportInputs.comparisons();
        Golden.check("comparison-text/ci-deploy.verbose.txt", out -> {
            for (Comparison c : report.comparisons()) {
                ComparisonText.line(c, true, out);
            }
            out.println(ComparisonText.summary(report, 0, 9));
        });
    }

    /** Agreements left out; two cases skipped (verify-cases counts the files' unreadable cases). */
    @Test
    void quietWithSkipped() {
        VerifyReport report = ReportInputs.comparisons();
        Golden.check("comparison-text/ci-deploy.quiet.skipped.txt", out -> {
            for (Comparison c : report.comparisons()) {
                ComparisonText.line(c, false, out);
            }
            out.println(ComparisonText.summary(report, 2, 8));
        });
    }
}
