package io.iamscope.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An endpoint that is not AWS: what it answers is a failure, never an empty success (issue #22, item 1). */
class ForeignEndpointTest {
    private static final String PAGE = "<!DOCTYPE html><html><head><title>Welcome</title></head><body>It works"
            + "</body></html>";

    private final AwsStubs aws = new AwsStubs();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void aWebPageForEveryRequestStopsTheCollection() {
        aws.stub(any(anyUrl()), aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody(PAGE));
        CollectException e = assertThrows(CollectException.class, () -> aws.collector(List.of()).run());
        assertEquals("MALFORMED_RESPONSE", e.code());
        assertTrue(e.getMessage().contains("text/html"), e.getMessage());
    }

    @Test
    void anIdentityWithoutAnAccountStopsTheCollection() {
        aws.stub(AwsStubs.query("GetCallerIdentity"), AwsStubs.xml("<Other/>"));
        CollectException e = assertThrows(CollectException.class, () -> aws.collector(List.of()).run());
        assertEquals("MALFORMED_RESPONSE", e.code());
    }

    @Test
    void aWebPageForOneServiceIsAGap() {
        aws.stub(AwsStubs.json("TrentService.ListKeys"), aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(PAGE));
        aws.stub(AwsStubs.query("ListUsers"), AwsStubs.xml("<html><body>maintenance</body></html>"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        var gaps = result.accounts().get(0).gaps();
        assertEquals(2, gaps.size(), gaps.toString());
        assertTrue(gaps.stream().allMatch(g -> g.errorCode().equals("MALFORMED_RESPONSE")), gaps.toString());
    }
}
