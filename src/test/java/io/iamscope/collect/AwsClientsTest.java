package io.iamscope.collect;

import io.iamscope.collect.call.AwsClients;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.iamscope.collect.AwsStubs.json;
import static io.iamscope.collect.AwsStubs.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The JSON-protocol clients {@link AwsClients} makes for Organizations, CodeBuild and App Runner: each service's
 * target, JSON version, signing name and region on the wire, and AWS's endpoints per partition.
 */
class AwsClientsTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AwsStubs aws = new AwsStubs();
    private final SdkHttpClient http = ApacheHttpClient.builder().build();

    @AfterEach
    void stop() {
        http.close();
        aws.close();
    }

    private AwsClients clients(URI endpoint) {
        return new AwsClients(AwsStubs.CREDENTIALS, http, endpoint, AwsStubs.fastRetries());
    }

    @Test
    void organizationsRequestsAreSignedForUsEast1WithItsTargetAndJsonVersion() {
        aws.stub(json("AWSOrganizationsV20161128.ListPolicies"), ok("{\"Policies\":[{\"Id\":\"p-1\"}]}"));
        JsonNode r = clients(aws.endpoint()).organizations("aws").call("ListPolicies",
                NODES.objectNode().put("Filter", "SERVICE_CONTROL_POLICY"));
        assertEquals("p-1", r.at("/Policies/0/Id").asText());
        aws.server.verify(1, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSOrganizationsV20161128.ListPolicies"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIATESTCALLER/\\d{8}/us-east-1/"
                        + "organizations/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}"))
                .withHeader("X-Amz-Date", matching("\\d{8}T\\d{6}Z"))
                .withRequestBody(equalToJson("{\"Filter\":\"SERVICE_CONTROL_POLICY\"}")));
    }

    @Test
    void codeBuildRequestsAreSignedForTheirRegion() {
        aws.stub(json("CodeBuild_20161006.ListProjects"), ok("{\"projects\":[\"web\"]}"));
        JsonNode r = clients(aws.endpoint()).codeBuild("eu-west-1").call("ListProjects", NODES.objectNode());
        assertEquals("web", r.at("/projects/0").asText());
        aws.server.verify(1, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("CodeBuild_20161006.ListProjects"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("Authorization", matching(".*Credential=AKIATESTCALLER/\\d{8}/eu-west-1/codebuild/"
                        + "aws4_request.*")));
    }

    @Test
    void appRunnerRequestsUseJson10AndItsTarget() {
        aws.stub(json("AppRunner.ListServices"), ok("{\"ServiceSummaryList\":[]}"));
        JsonNode r = clients(aws.endpoint()).appRunner("eu-west-1").call("ListServices",
                NODES.objectNode().put("MaxResults", 20));
        assertTrue(r.get("ServiceSummaryList").isEmpty());
        aws.server.verify(1, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AppRunner.ListServices"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.0"))
                .withHeader("Authorization", matching(".*Credential=AKIATESTCALLER/\\d{8}/eu-west-1/apprunner/"
                        + "aws4_request.*"))
                .withRequestBody(equalToJson("{\"MaxResults\":20}")));
    }

    @Test
    void awsEndpointsAreRegionalInTheirPartition() {
        AwsClients real = clients(null);
        assertEquals(URI.create("https://organizations.us-east-1.amazonaws.com"), real.organizations("aws").endpoint());
        // An organization lives in its partition's home region (Organizations User Guide, "Region support").
        assertEquals(URI.create("https://organizations.us-gov-west-1.amazonaws.com"),
                real.organizations("aws-us-gov").endpoint());
        assertEquals(URI.create("https://organizations.cn-northwest-1.amazonaws.com.cn"),
                real.organizations("aws-cn").endpoint());
        assertEquals(URI.create("https://codebuild.eu-west-1.amazonaws.com"), real.codeBuild("eu-west-1").endpoint());
        assertEquals(URI.create("https://codebuild.cn-north-1.amazonaws.com.cn"),
                real.codeBuild("cn-north-1").endpoint());
        assertEquals(URI.create("https://apprunner.eu-west-1.amazonaws.com"), real.appRunner("eu-west-1").endpoint());
        // Endpoints whose first label is not the signing name (SageMaker API Reference; AgentCore Control API).
        assertEquals(URI.create("https://api.sagemaker.eu-west-1.amazonaws.com"), real.sageMaker("eu-west-1").endpoint());
        assertEquals(URI.create("https://bedrock-agentcore-control.us-west-2.amazonaws.com"),
                real.agentCoreControl("us-west-2").endpoint());
    }
}
