package io.iamscope.policytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.local.LocalAuthorizer;
import org.junit.jupiter.api.Test;

/**
 * A case whose policy AWS would refuse for its layer is skipped with the finding's code and pointer, not
 * evaluated by guess (docs/evaluation.md, "Policies AWS would refuse").
 */
class CaseGrammarTest {
    private static final String USER = "\"principal\": {\"arn\": \"arn:aws:iam::111122223333:user/alice\", \"type\": \"user\"}";

    private static CaseResult run(String json) {
        return new CaseRunner(new LocalAuthorizer()).run(CaseFileReader.read(json, "g.jsonl").get(0));
    }

    @Test
    void identityStatementWithoutResourceIsRefused() {
        CaseResult r = run("{\"id\": \"g\", \"identityPolicies\": [{\"Version\": \"2012-10-17\", \"Statement\":"
                + " [{\"Effect\": \"Allow\", \"Action\": \"s3:*\"}]}], " + USER + ", \"request\": {\"action\":"
                + " \"s3:GetObject\", \"resource\": \"arn:aws:s3:::b/k\"}, \"expected\": \"Allow\"}");
        assertEquals(CaseResult.Status.SKIPPED, r.status());
        assertTrue(r.message().startsWith("MISSING_RESOURCE: ") && r.message().endsWith("g.jsonl:1 at"
                + " /identityPolicies/0/Statement/0"), r.message());
    }

    @Test
    void trustPolicyWithResourceIsRefusedButAResourcePolicyWithOneIsNot() {
        String trust = "\"resourcePolicy\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}, \"Action\": \"sts:AssumeRole\","
                + " \"Resource\": \"*\"}]}";
        CaseResult r = run("{\"id\": \"t\", " + trust + ", " + USER + ", \"request\": {\"action\": \"sts:AssumeRole\","
                + " \"resource\": \"arn:aws:iam::111122223333:role/app\"}, \"expected\": \"ImplicitDeny\"}");
        assertEquals(CaseResult.Status.SKIPPED, r.status());
        assertTrue(r.message().startsWith("UNSUPPORTED_RESOURCE: "), r.message());
        String bucket = "\"resourcePolicy\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:user/alice\"}, \"Action\": \"s3:GetObject\","
                + " \"Resource\": \"*\"}]}";
        assertTrue(run("{\"id\": \"b\", " + bucket + ", " + USER + ", \"request\": {\"action\": \"s3:GetObject\","
                + " \"resource\": \"arn:aws:s3:::b/k\"}, \"expected\": \"Allow\"}").passed());
    }

    @Test
    void rcpAllowingLessThanEverythingIsRefused() {
        CaseResult r = run("{\"id\": \"r\", \"rcps\": [[{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
                + " \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}]], " + USER
                + ", \"request\": {\"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::b/k\"}, \"expected\":"
                + " \"ImplicitDeny\"}");
        assertEquals(CaseResult.Status.SKIPPED, r.status());
        assertTrue(r.message().startsWith("RCP_LIMITED_ALLOW: ") && r.message().contains("/rcps/0/0/Statement/0"),
                r.message());
    }

    @Test
    void scpWithPrincipalIsRefused() {
        CaseResult r = run("{\"id\": \"s\", \"scps\": [[{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
                + " \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\"}]}]], " + USER
                + ", \"request\": {\"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::b/k\"}, \"expected\":"
                + " \"ImplicitDeny\"}");
        assertEquals(CaseResult.Status.SKIPPED, r.status());
        assertTrue(r.message().startsWith("UNSUPPORTED_PRINCIPAL: ") && r.message().contains("/scps/0/0/Statement/0/Principal"),
                r.message());
    }
}
