package io.iamscope.analysis.verify;

import java.util.List;

/**
 * The result of a differential check over many requests.
 *
 * @param comparisons every comparison, in the order the cases were given
 */
public record VerifyReport(List<Comparison> comparisons) {

    public VerifyReport {
        comparisons = List.copyOf(comparisons);
    }

    public long count(Agreement a) {
        return comparisons.stream().filter(c -> c.agreement() == a).count();
    }

    public List<Comparison> disagreements() {
        return comparisons.stream().filter(c -> c.agreement() == Agreement.DISAGREE).toList();
    }

    /** Agreements over comparable cases, from 0 to 1; 1 when nothing was comparable. */
    public double agreementRate() {
        long agree = count(Agreement.AGREE);
        long comparable = agree + count(Agreement.DISAGREE);
        return comparable == 0 ? 1.0 : (double) agree / comparable;
    }
}
