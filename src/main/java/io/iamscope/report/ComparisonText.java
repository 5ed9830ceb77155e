package io.iamscope.report;

import io.iamscope.policytest.DecisionText;
import io.iamscope.analysis.verify.Agreement;
import io.iamscope.analysis.verify.Comparison;
import io.iamscope.eval.NotChecked;
import io.iamscope.analysis.verify.VerifyReport;
import java.io.PrintWriter;
import java.util.Locale;

/** Text for the differential check: one line per comparison, one summary line. */
public final class ComparisonText {
    private ComparisonText() {
    }

    /** {@code DISAGREE id: local ...; simulator ...}, {@code NOT CHECKED id: why}; AGREE only when verbose. */
    public static void line(Comparison c, boolean verbose, PrintWriter out) {
        switch (c.agreement()) {
            case AGREE -> {
                if (verbose) {
                    out.println("AGREE " + c.id() + ": " + DecisionText.summary(c.local()));
                }
            }
            case DISAGREE -> out.println("DISAGREE " + c.id() + ": local " + DecisionText.summary(c.local())
                    + "; simulator " + DecisionText.summary(c.simulator()));
            case NOT_COMPARABLE -> out.println("NOT CHECKED " + c.id() + ": "
                    + String.join("; ", NotChecked.reasons(c.simulator())));
        }
    }

    /** {@code 12 agree, 1 disagree, 3 not checked by the simulator (agreement 92.3%, 5 simulator calls)}. */
    public static String summary(VerifyReport report, int skipped, long calls) {
        return report.count(Agreement.AGREE) + " agree, " + report.count(Agreement.DISAGREE) + " disagree, "
                + report.count(Agreement.NOT_COMPARABLE) + " not checked by the simulator"
                + (skipped > 0 ? ", " + skipped + " skipped" : "")
                + String.format(Locale.ROOT, " (agreement %.1f%%, %d simulator calls)", 100 * report.agreementRate(),
                calls);
    }
}
