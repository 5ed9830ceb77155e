package io.iamscope.policytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.local.LocalAuthorizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A layer given as JSON {@code null} is absent, exactly as if the field were left out (docs/policy-tests.md):
 * generated case files often write every field, with {@code null} for the layers a case does not use.
 */
class CaseReaderNullLayersTest {
    private static final String BASE = "\"principal\": {\"arn\": \"arn:aws:iam::111122223333:user/alice\", \"type\": \"user\"},"
            + " \"request\": {\"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::b/k\"}";
    private static final String ALLOW = "[{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\","
            + " \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}}]";

    private static PolicyTestCase read(String json) {
        return CaseReader.read(CaseFileReader.read(json, "t.jsonl").get(0));
    }

    @Test
    void everyLayerMayBeNull() {
        PolicyTestCase c = read("{\"id\": \"n\", \"identityPolicies\": " + ALLOW + ", \"groupPolicies\": null,"
                + " \"permissionBoundary\": null, \"sessionPolicy\": null, \"resourcePolicy\": null, \"scps\": null,"
                + " \"rcps\": null, \"unknown\": null, \"conditional\": null, " + BASE + ", \"expected\": \"Allow\"}");
        assertNull(c.policies().scps(), "null scps: no organization");
        assertNull(c.policies().rcps());
        assertNull(c.policies().boundary());
        assertNull(c.policies().session());
        assertNull(c.policies().resourcePolicy());
        assertEquals(1, c.policies().identity().size());
        assertNull(c.conditional(), "null conditional: a definite decision is expected");
        CaseResult r = new CaseRunner(new LocalAuthorizer()).run(c);
        assertTrue(r.passed(), r.message());
    }

    @Test
    void nullIdentityPoliciesAreNone() {
        PolicyTestCase c = read("{\"id\": \"n\", \"identityPolicies\": null, " + BASE
                + ", \"expected\": \"ImplicitDeny\"}");
        assertEquals(List.of(), c.policies().identity());
        assertTrue(new CaseRunner(new LocalAuthorizer()).run(c).passed());
    }

    @Test
    void aNullLevelInsideScpsIsStillAnError() {
        CaseResult r = new CaseRunner(new LocalAuthorizer()).run(CaseFileReader.read("{\"id\": \"n\", \"scps\": [null], "
                + BASE + ", \"expected\": \"Allow\"}", "t.jsonl").get(0));
        assertEquals(CaseResult.Status.SKIPPED, r.status());
        assertTrue(r.message().contains("/scps/0"), r.message());
    }
}
