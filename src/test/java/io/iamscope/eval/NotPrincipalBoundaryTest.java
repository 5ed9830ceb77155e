package io.iamscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.eval.reference.ReferenceAuthorizer;
import io.iamscope.policy.parse.PolicyParser;
import org.junit.jupiter.api.Test;

/**
 * A divergence the differential properties found, kept as a regression test for both engines. "The NotPrincipal element with
 * a Deny effect will always deny any IAM principal that has a permissions boundary policy attached,
 * regardless of the values specified in the NotPrincipal element" (IAM User Guide: Permissions boundaries for
 * IAM entities, and AWS JSON policy elements: NotPrincipal).
 */
class NotPrincipalBoundaryTest {
    private static AttachedPolicy policy(String statements) {
        return AttachedPolicy.of("p", PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": ["
                + statements + "]}", "test"));
    }

    @Test
    void notPrincipalDenyDeniesAnyPrincipalWithABoundary() {
        PolicySet set = PolicySet.builder()
                .identity(policy("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}"))
                .boundary(policy("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}"))
                .resourcePolicy(policy("{\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": ["
                        + "\"arn:aws:iam::111111111111:user/alice\", \"arn:aws:iam::111111111111:root\"]},"
                        + " \"Action\": \"s3:*\", \"Resource\": \"*\"}"))
                .build();
        Request request = new Request(Caller.user("arn:aws:iam::111111111111:user/alice"), "s3:GetObject",
                "arn:aws:s3:::bucket/key", null, null);
        assertEquals(Outcome.EXPLICIT_DENY, new ReferenceAuthorizer().authorize(request, set).outcome(), "reference");
        assertEquals(Outcome.EXPLICIT_DENY, new LocalAuthorizer().authorize(request, set).outcome(), "local");
    }
}
