package io.iamscope.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** The AWS JSON protocol on the wire: signing, targets, AWS's error codes, retries, endpoints. */
class AwsJsonApiTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final AwsJsonApi.Service EXAMPLE = new AwsJsonApi.Service("Example", "example",
            "Example_20200101", "1.1");
    private static final String TARGET = "Example_20200101.ListThings";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final SdkHttpClient http = ApacheHttpClient.builder().build();

    AwsJsonApiTest() {
        server.start();
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop();
    }

    private AwsJsonApi api(AwsJsonApi.Service service, String region, URI endpoint) {
        return new AwsJsonApi(service, region, endpoint, http, StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIATESTCALLER", "test-secret")),
                // Retries as in production, without waiting.
                AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(1)))
                        .build());
    }

    private AwsJsonApi api() {
        return api(EXAMPLE, "eu-west-1", URI.create(server.baseUrl()));
    }

    private void stub(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET)).willReturn(response));
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    @Test
    void aCallIsASignedPostWithItsTargetAndJsonVersion() {
        stub(aResponse().withStatus(200).withBody("{\"things\":[\"a\"]}"));
        JsonNode r = api().call("ListThings", NODES.objectNode().put("MaxResults", 20));
        assertEquals("a", r.at("/things/0").asText());
        server.verify(1, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIATESTCALLER/\\d{8}/eu-west-1/"
                        + "example/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}"))
                .withHeader("X-Amz-Date", matching("\\d{8}T\\d{6}Z"))
                .withRequestBody(equalToJson("{\"MaxResults\":20}")));
    }

    @Test
    void anEmptyBodyIsAnEmptyObject() {
        stub(aResponse().withStatus(200));
        assertTrue(api().call("ListThings", NODES.objectNode()).isEmpty());
    }

    @Test
    void anErrorCarriesAwsCodeWithoutItsNamespaceAndTheServiceName() {
        stub(error(400, "com.amazonaws.example#AccessDeniedException", "not allowed: example:ListThings"));
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> api().call("ListThings", NODES.objectNode()));
        assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
        assertEquals("Example", e.awsErrorDetails().serviceName());
        assertEquals("not allowed: example:ListThings", e.awsErrorDetails().errorMessage());
        assertEquals(400, e.statusCode());
        server.verify(1, postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void theErrorTypeHeaderIsReadWhenTheBodyIsNotJson() {
        stub(aResponse().withStatus(400)
                .withHeader("x-amzn-ErrorType", "InvalidInputException:http://internal.amazon.com/")
                .withBody("<html>bad</html>"));
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> api().call("ListThings", NODES.objectNode()));
        assertEquals("InvalidInputException", e.awsErrorDetails().errorCode());
    }

    @Test
    void throttlingIsRetriedWithTheRetryStrategy() {
        server.stubFor(post(urlPathEqualTo("/")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("calm").willReturn(error(400, "ThrottlingException", "Rate exceeded")));
        server.stubFor(post(urlPathEqualTo("/")).inScenario("t").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody("{\"things\":[]}")));
        assertTrue(api().call("ListThings", NODES.objectNode()).get("things").isEmpty());
        server.verify(2, postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void awsEndpointsAreRegionalInTheirPartition() {
        assertEquals(URI.create("https://example.eu-west-1.amazonaws.com"),
                api(EXAMPLE, "eu-west-1", null).endpoint());
        assertEquals(URI.create("https://example.cn-north-1.amazonaws.com.cn"),
                api(EXAMPLE, "cn-north-1", null).endpoint());
        assertEquals(URI.create("https://example.us-gov-west-1.amazonaws.com"),
                api(EXAMPLE, "us-gov-west-1", null).endpoint());
    }

    @Test
    void aRestCallIsASignedRequestWithItsPathQueryAndBody() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(
                "/things/arn%3Aaws%3Aexample%3Aeu-west-1%3A111122223333%3Athing%2Fa")).withQueryParam("maxResults",
                equalTo("5")).willReturn(aResponse().withStatus(200).withBody("{\"name\":\"a\"}")));
        server.stubFor(post(urlPathEqualTo("/things")).withRequestBody(equalToJson("{\"filter\":\"x\"}"))
                .willReturn(aResponse().withStatus(200).withBody("{\"things\":[]}")));
        JsonNode one = api().rest("GetThing", "GET",
                "/things/" + AwsJsonApi.label("arn:aws:example:eu-west-1:111122223333:thing/a"),
                java.util.Map.of("maxResults", "5"), null);
        assertEquals("a", one.get("name").asText());
        JsonNode list = api().rest("ListThings", "POST", "/things", java.util.Map.of(),
                NODES.objectNode().put("filter", "x"));
        assertEquals(0, list.get("things").size());
        server.verify(1, postRequestedFor(urlPathEqualTo("/things"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", matching(".*/eu-west-1/example/aws4_request.*")));
    }

    @Test
    void aRestErrorCarriesTheCodeOfItsErrorTypeHeader() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/things/b"))
                .willReturn(aResponse().withStatus(404).withHeader("x-amzn-ErrorType",
                        "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.example/")
                        .withBody("{\"message\":\"no thing b\"}")));
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> api().rest("GetThing", "GET", "/things/b", java.util.Map.of(), null));
        assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
        assertEquals("no thing b", e.awsErrorDetails().errorMessage());
    }
}
