package io.iamscope.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iamscope verify-cases} against a local server speaking the IAM query protocol. */
class VerifyCasesCommandTest extends LocalIamEndpoint {
    private static final String CASE = "{\"id\":\"read\",\"identityPolicies\":[{\"Version\":\"2012-10-17\","
            + "\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}],"
            + "\"principal\":{\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"type\":\"user\"},"
            + "\"request\":{\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"},\"expected\":\"Allow\"}\n";
    @TempDir
    Path dir;

    private Run verify(String decision, int status) throws IOException {
        String body = status == 200
                ? "<SimulateCustomPolicyResponse><SimulateCustomPolicyResult><IsTruncated>false</IsTruncated>"
                + "<EvaluationResults><member><EvalActionName>s3:GetObject</EvalActionName>"
                + "<EvalResourceName>arn:aws:s3:::b/k</EvalResourceName><EvalDecision>" + decision
                + "</EvalDecision></member></EvaluationResults></SimulateCustomPolicyResult>"
                + "</SimulateCustomPolicyResponse>"
                : "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized"
                + "</Message></Error></ErrorResponse>";
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(status).withBody(body)));
        Path f = dir.resolve("cases.jsonl");
        Files.writeString(f, CASE);
        return run("verify-cases", "--endpoint-url", server.baseUrl(), "--region", "us-east-1", f.toString());
    }

    @Test
    void agreementExitsZeroWithSummary() throws IOException {
        Run r = verify("allowed", 200);
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().trim().startsWith("1 agree, 0 disagree, 0 not checked by the simulator"), r.out());
        assertTrue(r.out().contains("1 simulator calls"), r.out());
    }

    @Test
    void disagreementIsOneLineWithBothExplanationsAndExitsOne() throws IOException {
        Run r = verify("implicitDeny", 200);
        assertEquals(1, r.exit(), r.out() + r.err());
        String first = r.out().split("\n")[0];
        assertTrue(first.startsWith("DISAGREE read ("), first);
        assertTrue(first.contains("local Allow by identity-based policy"), first);
        assertTrue(first.contains("; simulator ImplicitDeny"), first);
    }

    @Test
    void accessDeniedIsOneLineAndExitsThree() throws IOException {
        Run r = verify(null, 403);
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("iamscope: SIMULATOR_ACCESS_DENIED: access denied for"), r.err());
        assertEquals(1, r.err().trim().split("\n").length, r.err());
    }

    @Test
    void aGarbageEndpointIsAnAwsFailureNotADisagreement() throws IOException {
        // Issue #22, item 15: a web page for an answer is a failure of AWS (exit 3), never an engine disagreement.
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>It works</body></html>")));
        Path f = dir.resolve("cases.jsonl");
        Files.writeString(f, CASE);
        Run r = run("verify-cases", "--endpoint-url", server.baseUrl(), "--region", "us-east-1", f.toString());
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("iamscope: SIMULATOR_"), r.err());
        assertTrue(r.err().contains("text/html"), r.err());
    }
}
