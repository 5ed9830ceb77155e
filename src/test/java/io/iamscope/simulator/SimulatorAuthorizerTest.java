package io.iamscope.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.iamscope.simulator.SimulatorXml.custom;
import static io.iamscope.simulator.SimulatorXml.matched;
import static io.iamscope.simulator.SimulatorXml.missing;
import static io.iamscope.simulator.SimulatorXml.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.iamscope.eval.Caller;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Layer;
import io.iamscope.eval.MatchedStatement;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.RequestContext;
import io.iamscope.policy.Effect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator authorizer against a local server speaking the IAM query protocol; nothing reaches AWS. */
class SimulatorAuthorizerTest extends WireMockIamTest {

    @Test
    void allowedNamesTheStatementAndSendsTypedContext() {
        answer(custom(result("s3:GetObject", BUCKET, "allowed", matched("PolicyInputList.1", 2))));
        try (SimulatorAuthorizer sim = simulator(SimulatorSettings.DEFAULTS)) {
            RequestContext ctx = RequestContext.builder().put("aws:MultiFactorAuthPresent", "true")
                    .put("aws:SourceIp", "203.0.113.7").build();
            Decision d = sim.authorize(request("s3:GetObject", ctx), policies());

            assertEquals(Outcome.ALLOW, d.outcome());
            assertFalse(d.isConditional());
            MatchedStatement s = d.statements().get(0);
            assertEquals(Layer.IDENTITY, s.ref().layer());
            assertEquals("user/alice inline `read`", s.ref().policy());
            assertEquals("Read", s.ref().sid());
            assertEquals(0, s.ref().index());
            assertEquals(1, sim.callCount());
            String body = sentBody();
            assertTrue(body.contains("Action=SimulateCustomPolicy"), body);
            assertTrue(body.contains("CallerArn=" + ALICE), body);
            assertTrue(body.contains("ContextKeyName=aws:MultiFactorAuthPresent"), body);
            assertTrue(body.contains("ContextKeyType=boolean"), body);
            assertTrue(body.contains("ContextKeyType=ip"), body);
            assertTrue(body.contains("ResourceOwner=arn:aws:iam::111122223333:root"), body);
        }
    }

    @Test
    void explicitDenyNamesTheDenyStatement() {
        answer(custom(result("s3:DeleteObject", BUCKET, "explicitDeny", matched("PolicyInputList.1", 3))));
        try (SimulatorAuthorizer sim = simulator(SimulatorSettings.DEFAULTS)) {
            Decision d = sim.authorize(request("s3:DeleteObject", null), policies());
            assertEquals(Outcome.EXPLICIT_DENY, d.outcome());
            assertEquals("NoDelete", d.statements(Effect.DENY).get(0).ref().sid());
            assertEquals(1, d.statements(Effect.DENY).get(0).ref().index());
        }
    }

    @Test
    void missingUnknownKeyMakesTheDecisionConditional() {
        answer(custom(result("s3:GetObject", BUCKET, "implicitDeny", missing("aws:SourceVpc", "aws:PrincipalTag/team"))));
        try (SimulatorAuthorizer sim = simulator(SimulatorSettings.DEFAULTS)) {
            RequestContext ctx = RequestContext.builder().unknown("aws:SourceVpc").build();
            Decision d = sim.authorize(request("s3:GetObject", ctx), policies());
            assertTrue(d.isConditional());
            // aws:PrincipalTag/team was not declared unknown: absent, as in the local engine
            assertEquals(List.of("aws:SourceVpc"), List.copyOf(d.conditionalKeys()));
            assertEquals(Outcome.IMPLICIT_DENY, d.outcome());
        }
    }

    @Test
    void readsEveryPage() {
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Marker=page2"))
                .willReturn(aResponse().withStatus(200).withBody(SimulatorXml.response("SimulateCustomPolicy", false,
                        null, result("s3:PutObject", BUCKET, "implicitDeny", "")))));
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=SimulateCustomPolicy"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(200).withBody(SimulatorXml.response("SimulateCustomPolicy", true,
                        "page2", result("s3:GetObject", BUCKET, "allowed", "")))));
        try (SimulatorAuthorizer sim = simulator(SimulatorSettings.DEFAULTS)) {
            Map<SimulationKey, Decision> got = sim.simulate(Caller.user(ALICE), policies(),
                    List.of("s3:GetObject", "s3:PutObject"), List.of(BUCKET), RequestContext.empty());
            assertEquals(Outcome.ALLOW, got.get(new SimulationKey("s3:GetObject", BUCKET)).outcome());
            assertEquals(Outcome.IMPLICIT_DENY, got.get(new SimulationKey("s3:PutObject", BUCKET)).outcome());
            assertEquals(2, sim.callCount());
        }
    }

    @Test
    void batchesActionsAndResourcesWithinTheCallSize() {
        answer(custom(result("s3:GetObject", BUCKET, "allowed", "")));
        SimulatorSettings small = new SimulatorSettings(0, 2, 1, 100);
        try (SimulatorAuthorizer sim = simulator(small)) {
            Map<SimulationKey, Decision> got = sim.simulate(Caller.user(ALICE), policies(),
                    List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket"),
                    List.of(BUCKET, "arn:aws:s3:::reports/q2.csv"), RequestContext.empty());
            assertEquals(6, got.size());
            assertEquals(4, sim.callCount(), "2 action chunks x 2 resource chunks");
            // pairs the stub did not answer are reported, never silently allowed or denied
            Decision none = got.get(new SimulationKey("s3:PutObject", BUCKET));
            assertEquals("SIMULATOR_NO_RESULT", none.errors().get(0).code());
        }
    }

    @Test
    void throttlingIsRetried() {
        server.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withBody(SimulatorXml.error("Throttling", "Rate exceeded")))
                .willSetStateTo("calm"));
        server.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody(custom(result("s3:GetObject", BUCKET, "allowed", "")))));
        try (SimulatorAuthorizer sim = simulator(SimulatorSettings.DEFAULTS)) {
            Decision d = sim.authorize(request("s3:GetObject", null), policies());
            assertEquals(Outcome.ALLOW, d.outcome());
            server.verify(2, postRequestedFor(urlEqualTo("/")));
        }
    }

    @Test
    void accessDeniedIsOneLineError() {
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403).withBody(SimulatorXml.error(
                "AccessDenied", "User: arn:aws:iam::111122223333:user/ci is not authorized to perform:"
                        + " iam:SimulateCustomPolicy"))));
        try (SimulatorAuthorizer sim = simulator(SimulatorSettings.DEFAULTS)) {
            SimulatorException e = assertThrows(SimulatorException.class,
                    () -> sim.authorize(request("s3:GetObject", null), policies()));
            assertEquals("SIMULATOR_ACCESS_DENIED", e.code());
            assertTrue(e.getMessage().startsWith("access denied for `iam:SimulateCustomPolicy`"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void unreachableEndpointIsOneLineError() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (SimulatorAuthorizer sim = SimulatorAuthorizer.connect(connection("http://127.0.0.1:" + port),
                SimulatorSettings.DEFAULTS)) {
            SimulatorException e = assertThrows(SimulatorException.class,
                    () -> sim.authorize(request("s3:GetObject", null), policies()));
            assertEquals("SIMULATOR_UNREACHABLE", e.code());
            assertTrue(e.getMessage().contains("`http://127.0.0.1:" + port + "`"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void missingCredentialsIsOneLineError() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("iamscope-creds");
        String oldCreds = System.getProperty("aws.sharedCredentialsFile");
        String oldConfig = System.getProperty("aws.configFile");
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("credentials").toString());
        System.setProperty("aws.configFile", dir.resolve("config").toString());
        try (SimulatorAuthorizer sim = SimulatorAuthorizer.connect(
                SimulatorConnection.of(server.baseUrl(), "iamscope-no-such-profile", "us-east-1"),
                SimulatorSettings.DEFAULTS)) {
            SimulatorException e = assertThrows(SimulatorException.class,
                    () -> sim.authorize(request("s3:GetObject", null), policies()));
            assertEquals("SIMULATOR_NO_CREDENTIALS", e.code());
            assertFalse(e.getMessage().contains("\n"));
            assertTrue(e.getMessage().startsWith("cannot get credentials from profile `iamscope-no-such-profile`;"
                    + " no such profile"), e.getMessage());
            assertTrue(server.getAllServeEvents().isEmpty(), "nothing sent without credentials");
        } finally {
            restore("aws.sharedCredentialsFile", oldCreds);
            restore("aws.configFile", oldConfig);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
