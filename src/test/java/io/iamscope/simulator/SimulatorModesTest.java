package io.iamscope.simulator;

import io.iamscope.eval.NotChecked;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.iamscope.simulator.SimulatorXml.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.parse.PolicyParser;
import org.junit.jupiter.api.Test;

/** Principal mode, and blind spots seen through the authorizer: refused requests are never sent. */
class SimulatorModesTest extends WireMockIamTest {
    static final Caller SESSION = Caller.roleSession("arn:aws:sts::111122223333:assumed-role/ops/s",
            "arn:aws:iam::111122223333:role/ops");
    static final AttachedPolicy BUCKET_POLICY = AttachedPolicy.of("bucket policy", PolicyParser.parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/ops"},
             "Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}""", "bucket"));

    @Test
    void principalModeSendsThePolicySourceAndKeepsTheSimulatorsPolicyNames() {
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(
                SimulatorXml.response("SimulatePrincipalPolicy", false, null, result("s3:GetObject", BUCKET,
                        "allowed", "<MatchedStatements><member><SourcePolicyId>ReportsRead</SourcePolicyId>"
                                + "<SourcePolicyType>user-managed</SourcePolicyType></member></MatchedStatements>")))));
        try (SimulatorAuthorizer sim = simulator(SimulatorSettings.DEFAULTS)) {
            Decision d = sim.authorizePrincipal("arn:aws:iam::111122223333:role/ops",
                    new Request(SESSION, "s3:GetObject", BUCKET, null, null), null);
            assertEquals(Outcome.ALLOW, d.outcome());
            assertEquals("ReportsRead", d.statements().get(0).ref().policy());
            String body = sentBody();
            assertTrue(body.contains("Action=SimulatePrincipalPolicy"), body);
            assertTrue(body.contains("PolicySourceArn=arn:aws:iam::111122223333:role/ops"), body);
            assertTrue(!body.contains("CallerArn="), "a role session is never sent as CallerArn: " + body);
        }
    }

    @Test
    void roleSessionWithResourcePolicyIsNotCheckedAndNotSent() {
        try (SimulatorAuthorizer sim = simulator(SimulatorSettings.DEFAULTS)) {
            PolicySet set = PolicySet.builder().identity(READ).resourcePolicy(BUCKET_POLICY).build();
            Decision d = sim.authorize(new Request(SESSION, "s3:GetObject", BUCKET, null, null), set);
            assertTrue(NotChecked.isNotChecked(d));
            assertEquals(Diagnostic.Severity.ERROR, d.errors().get(0).severity());
            assertEquals(0, sim.callCount());
            assertTrue(server.getAllServeEvents().isEmpty());
        }
    }

    @Test
    void sessionPoliciesAreLeftOutWithAWarningButTheRestIsChecked() {
        answer(SimulatorXml.custom(result("s3:GetObject", BUCKET, "allowed", "")));
        try (SimulatorAuthorizer sim = simulator(SimulatorSettings.DEFAULTS)) {
            PolicySet set = PolicySet.builder().identity(READ).session(READ).build();
            Decision d = sim.authorize(new Request(SESSION, "s3:GetObject", BUCKET, null, null), set);
            assertEquals(Outcome.ALLOW, d.outcome());
            assertEquals(Diagnostic.Severity.WARNING, d.errors().get(0).severity());
            assertEquals(NotChecked.CODE, d.errors().get(0).code());
            assertEquals(1, sim.callCount());
        }
    }

    @Test
    void userWithOnlyAResourcePolicySendsANoOpIdentityPolicy() {
        answer(SimulatorXml.custom(result("s3:GetObject", BUCKET, "allowed", "")));
        try (SimulatorAuthorizer sim = simulator(SimulatorSettings.DEFAULTS)) {
            sim.authorize(request("s3:GetObject", null), PolicySet.builder().resourcePolicy(BUCKET_POLICY).build());
            String body = sentBody();
            assertTrue(body.contains("PolicyInputList.member.1=" + SimulatorAuthorizer.NO_OP_POLICY), body);
            assertTrue(body.contains("ResourcePolicy="), body);
        }
    }

    @Test
    void rateLimitSpacesCalls() {
        answer(SimulatorXml.custom(result("s3:GetObject", BUCKET, "allowed", "")));
        try (SimulatorAuthorizer sim = simulator(SimulatorSettings.DEFAULTS.withRate(20))) {
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                sim.authorize(request("s3:GetObject", null), policies());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 190, "5 calls at 20/s take at least 200 ms, took " + millis);
            assertEquals(5, sim.callCount());
        }
    }
}
