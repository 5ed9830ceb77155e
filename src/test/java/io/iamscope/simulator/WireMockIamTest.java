package io.iamscope.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.policy.parse.PolicyParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A local server speaking the IAM query protocol, static test credentials, IMDS off: nothing reaches AWS. */
abstract class WireMockIamTest {
    static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    static final String BUCKET = "arn:aws:s3:::reports/q1.csv";
    static WireMockServer server;

    static final AttachedPolicy READ = AttachedPolicy.of("user/alice inline `read`", PolicyParser.parse("""
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
              {"Sid":"NoDelete","Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}""", "read"));

    @BeforeAll
    static void start() {
        System.setProperty("aws.disableEc2Metadata", "true");
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    static SimulatorConnection connection(String url) {
        return new SimulatorConnection(url, null, "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "test-secret")));
    }

    static SimulatorAuthorizer simulator(SimulatorSettings settings) {
        return SimulatorAuthorizer.connect(connection(server.baseUrl()), settings);
    }

    static void answer(String body) {
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withBody(body)));
    }

    static Request request(String action, RequestContext context) {
        return new Request(Caller.user(ALICE), action, BUCKET, null, context);
    }

    static PolicySet policies() {
        return PolicySet.builder().identity(READ).build();
    }

    static String sentBody() {
        return URLDecoder.decode(server.getAllServeEvents().get(0).getRequest().getBodyAsString(),
                StandardCharsets.UTF_8);
    }
}
