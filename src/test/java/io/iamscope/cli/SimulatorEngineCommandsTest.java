package io.iamscope.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code can --engine simulator|both} and {@code verify --snapshot --sample} against a local IAM endpoint. */
class SimulatorEngineCommandsTest extends LocalIamEndpoint {
    private static final String SNAPSHOT = "policies-fixtures/sample-org/snapshot.json";
    private static final String LEAKED_KEY = "AKIAZCONTRACTOR7LEAK";
    private static final String ACTION = "iam:CreatePolicyVersion";
    private static final String POLICY = "arn:aws:iam::333333333333:policy/contractor-tooling";
    private void answer(String decision) {
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(
                "<SimulatePrincipalPolicyResponse><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated>"
                        + "<EvaluationResults><member><EvalActionName>" + ACTION + "</EvalActionName>"
                        + "<EvalResourceName>" + POLICY + "</EvalResourceName><EvalDecision>" + decision
                        + "</EvalDecision></member></EvaluationResults></SimulatePrincipalPolicyResult>"
                        + "</SimulatePrincipalPolicyResponse>")));
    }

    @Test
    void canAsksTheSimulatorAboutThePrincipalItself() throws Exception {
        answer("allowed");
        Run r = run("can", LEAKED_KEY, ACTION, POLICY, "--snapshot", SNAPSHOT, "--engine", "simulator",
                "--endpoint-url", server.baseUrl(), "--region", "us-east-1", "--format", "json");
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("Allow", json.get("decision").asText());
        assertEquals("simulator", json.get("engine").asText());
        server.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=SimulatePrincipalPolicy"))
                .withRequestBody(containing("user%2Fext-contractor-jdoe")));
    }

    @Test
    void bothEnginesShowTheDisagreement() {
        answer("implicitDeny");
        Run r = run("can", LEAKED_KEY, ACTION, POLICY, "--snapshot", SNAPSHOT, "--engine", "both",
                "--endpoint-url", server.baseUrl(), "--region", "us-east-1");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("== local engine\nAllow"), r.out());
        assertTrue(r.out().contains("== IAM policy simulator\nImplicitDeny"), r.out());
        assertTrue(r.out().trim().endsWith("the engines DISAGREE: compare the explanations above"), r.out());
    }

    @Test
    void unreachableSimulatorIsOneLineExitThree() {
        Run r = run("can", LEAKED_KEY, ACTION, POLICY, "--snapshot", SNAPSHOT, "--engine", "simulator",
                "--endpoint-url", "http://127.0.0.1:1", "--region", "us-east-1");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("iamscope: SIMULATOR_UNREACHABLE"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
    }

    @Test
    void verifySamplesTheSnapshotAndReportsTheAgreementRate() {
        // Every simulated answer is "allowed" for the action the stub names and missing for others: the
        // report must count each sampled request exactly once.
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(
                "<SimulatePrincipalPolicyResponse><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated>"
                        + "<EvaluationResults></EvaluationResults></SimulatePrincipalPolicyResult>"
                        + "</SimulatePrincipalPolicyResponse>")));
        Run r = run("verify", "--snapshot", SNAPSHOT, "--sample", "5", "--seed", "3",
                "--endpoint-url", server.baseUrl(), "--region", "us-east-1");
        String last = r.out().trim().substring(r.out().trim().lastIndexOf('\n') + 1);
        assertTrue(last.matches("\\d+ agree, \\d+ disagree, \\d+ not checked by the simulator \\(agreement .*\\)"),
                r.out() + r.err());
        String[] counts = last.split("[^0-9]+");
        assertEquals(5, Integer.parseInt(counts[0]) + Integer.parseInt(counts[1]) + Integer.parseInt(counts[2]),
                r.out());
    }

    @Test
    void blastRadiusGrantsAreRecheckedWithTheSimulator() throws Exception {
        // The simulator answers nothing about the pairs it is asked: every grant is then "not comparable".
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(
                "<SimulatePrincipalPolicyResponse><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated>"
                        + "<EvaluationResults></EvaluationResults></SimulatePrincipalPolicyResult>"
                        + "</SimulatePrincipalPolicyResponse>")));
        Run r = run("blast-radius", LEAKED_KEY, "--snapshot", SNAPSHOT, "--engine", "both", "--check-limit", "10",
                "--endpoint-url", server.baseUrl(), "--region", "us-east-1", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode check = new ObjectMapper().readTree(r.out()).get("simulatorCheck");
        assertEquals(10, check.get("checked").asInt(), check.toString());
        assertTrue(check.get("total").asInt() > 10, check.toString());
        // No answer is no evidence: nothing is refused, everything checked is not comparable.
        assertEquals(0, check.get("refused").asInt(), check.toString());
        assertEquals(0, check.get("refusedGrants").size(), check.toString());
        assertEquals(10, check.get("not_comparable").asInt(), check.toString());
    }

    @Test
    void whoCanDirectAnswersAreRefusedWhenTheSimulatorDenies() {
        String data = "arn:aws:s3:::acme-prod-customer-data/exports/customers.csv";
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(
                "<SimulatePrincipalPolicyResponse><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated>"
                        + "<EvaluationResults><member><EvalActionName>s3:GetObject</EvalActionName>"
                        + "<EvalResourceName>" + data + "</EvalResourceName><EvalDecision>implicitDeny"
                        + "</EvalDecision></member></EvaluationResults></SimulatePrincipalPolicyResult>"
                        + "</SimulatePrincipalPolicyResponse>")));
        Run r = run("who-can", "s3:GetObject", data, "--snapshot", SNAPSHOT, "--engine", "both",
                "--endpoint-url", server.baseUrl(), "--region", "us-east-1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("CHECKED WITH THE IAM POLICY SIMULATOR"), r.out());
        assertTrue(r.out().contains("REFUSED `arn:aws:iam::222222222222:role/acme-deploy` s3:GetObject"), r.out());
    }
}
