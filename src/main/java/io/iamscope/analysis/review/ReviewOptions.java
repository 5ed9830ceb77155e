package io.iamscope.analysis.review;

import io.iamscope.graph.PathLimits;
import io.iamscope.model.CredentialReport;
import java.time.Instant;
import java.util.List;

/**
 * How a review is made.
 *
 * @param asOf              the moment ages are measured from (a key's age, a role's last use): the snapshot's
 *                          collection time, or now when it does not say
 * @param staleDays         the age past which a key is old and a credential or principal unused (90: the
 *                          credential-report guidance of the IAM User Guide and the CIS benchmark)
 * @param top               how many principals the blast-radius ranking lists
 * @param limits            path search limits (conditional edges are followed and marked, as blast radius does)
 * @param credentialReports the accounts' credential reports given (none: console MFA and the root user's
 *                          credentials are not checked, and a note says so)
 */
public record ReviewOptions(Instant asOf, int staleDays, int top, PathLimits limits,
                            List<CredentialReport> credentialReports) {
    public ReviewOptions {
        credentialReports = List.copyOf(credentialReports);
    }

    public static ReviewOptions defaults(Instant asOf) {
        return new ReviewOptions(asOf, 90, 20, PathLimits.DEFAULT, List.of());
    }

    public ReviewOptions withCredentialReports(List<CredentialReport> reports) {
        return new ReviewOptions(asOf, staleDays, top, limits, reports);
    }
}
