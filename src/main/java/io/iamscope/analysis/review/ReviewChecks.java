package io.iamscope.analysis.review;

import java.util.List;

/** Every family of findings a review runs, in the order it runs them. */
final class ReviewChecks {
    static final List<ReviewCheck> ALL = List.of(new Escalations(), new Takeovers(), new CrossAccount(),
            new TrustPolicies(), new ResourceExposure(), new CredentialHygiene(), new RiskyStatements(),
            new InvestigationTampering(), new Administrators(), new HighValuePrincipals());

    private ReviewChecks() {
    }
}
