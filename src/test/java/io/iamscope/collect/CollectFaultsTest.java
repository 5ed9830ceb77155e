package io.iamscope.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.iamscope.collect.AwsStubs.iam;
import static io.iamscope.collect.AwsStubs.json;
import static io.iamscope.collect.AwsStubs.jsonError;
import static io.iamscope.collect.AwsStubs.ok;
import static io.iamscope.collect.AwsStubs.query;
import static io.iamscope.collect.AwsStubs.queryError;
import static io.iamscope.collect.AwsStubs.s3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.iamscope.model.Gap;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fault injection for {@code collect} (issue #22, item 16): throttling storms, bursts of 5xx, slow, cut and
 * broken answers, credentials that expire mid-run, access denied for one service in one region. The collection
 * always completes, every failure is one gap naming service, operation, region and error, and what did answer is
 * kept. The SDK's retry policy is the production one without its waits ({@link AwsStubs#fastRetries}): three
 * attempts. The timeout guards against a hang; it is not a measurement.
 */
@Timeout(120)
class CollectFaultsTest {
    private static final List<String> ONE_REGION = List.of("us-east-1");
    /** The adaptive retry strategy's attempts (AWS SDKs and Tools Reference Guide: Retry behavior). */
    private static final int ATTEMPTS = 3;

    private final AwsStubs aws = new AwsStubs();

    @AfterEach
    void stop() {
        aws.close();
    }

    private List<Gap> gaps(CollectResult result) {
        return result.accounts().get(0).gaps();
    }

    /** A scenario answering {@code failures} in turn, then {@code success} for good. */
    private void failThenSucceed(Supplier<MappingBuilder> request, String name,
                                 List<ResponseDefinitionBuilder> failures, ResponseDefinitionBuilder success) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.size(); i++) {
            String next = "failed " + (i + 1);
            aws.stub(request.get().inScenario(name).whenScenarioStateIs(state).willSetStateTo(next), failures.get(i));
            state = next;
        }
        aws.stub(request.get().inScenario(name).whenScenarioStateIs(state), success);
    }

    @Test
    void aThrottlingBurstShorterThanTheRetriesLeavesNoGap() {
        aws.stubOneQueue();
        failThenSucceed(() -> json("AmazonSQS.ListQueues"), "storm", List.of(
                jsonError(400, "ThrottlingException", "Rate exceeded"),
                jsonError(400, "ThrottlingException", "Rate exceeded")),
                ok("{\"QueueUrls\":[\"https://sqs.us-east-1.amazonaws.com/111122223333/jobs\"]}"));
        CollectResult result = aws.collector(ONE_REGION).run();
        assertEquals(List.of(), gaps(result));
        assertEquals(ATTEMPTS, aws.calls("sqs", "ListQueues"));
        assertEquals(1, AwsStubs.account(result).get("resources").size());
    }

    @Test
    void aThrottlingStormIsRetriedAsThePolicySaysThenIsAGapAndTheRestIsCollected() {
        aws.stubOneQueue();
        aws.stub(json("TrentService.ListKeys"), jsonError(400, "ThrottlingException", "Rate exceeded"));
        CollectResult result = aws.collector(ONE_REGION).run();
        assertEquals(List.of(new Gap("kms", "ListKeys", "us-east-1", null, "ThrottlingException", "Rate exceeded")),
                gaps(result));
        assertEquals(ATTEMPTS, aws.calls("kms", "ListKeys"));
        assertEquals(1, AwsStubs.account(result).get("resources").size(), "the queue is still collected");
    }

    @Test
    void aBurstOf5xxIsRetriedAndLeavesNoGap() {
        aws.stubOneQueue();
        failThenSucceed(() -> json("AmazonSQS.ListQueues"), "5xx", List.of(
                jsonError(503, "ServiceUnavailable", "try again"), jsonError(500, "InternalFailure", "oops")),
                ok("{\"QueueUrls\":[\"https://sqs.us-east-1.amazonaws.com/111122223333/jobs\"]}"));
        CollectResult result = aws.collector(ONE_REGION).run();
        assertEquals(List.of(), gaps(result));
        assertEquals(ATTEMPTS, aws.calls("sqs", "ListQueues"));
        assertEquals(1, AwsStubs.account(result).get("resources").size());
    }

    @Test
    void fiveHundredsThatOutlastTheRetriesAreAGap() {
        aws.stub(query("ListTopics"), queryError(500, "InternalError", "internal error"));
        CollectResult result = aws.collector(ONE_REGION).run();
        assertEquals(List.of(new Gap("sns", "ListTopics", "us-east-1", null, "InternalError", "internal error")),
                gaps(result));
        assertEquals(ATTEMPTS, aws.calls("sns", "ListTopics"));
    }

    @Test
    void aSlowAnswerTimesOutIntoAnUnreachableGapAndASlowishOneIsRead() {
        aws.stub(get(urlMatching("/2015-03-31/functions/?(\\?.*)?")), ok("{\"Functions\":[]}").withFixedDelay(3_000));
        aws.stub(json("secretsmanager.ListSecrets"), ok("{\"SecretList\":[]}").withFixedDelay(50));
        CollectOptions options = new CollectOptions(null, "us-east-1", aws.endpoint(), false, null, ONE_REGION, 1);
        CollectResult result = aws.collector(options, Duration.ofMillis(500)).run();
        List<Gap> gaps = gaps(result);
        assertEquals(1, gaps.size(), gaps.toString());
        Gap gap = gaps.get(0);
        assertEquals(List.of("lambda", "ListFunctions", "us-east-1", "UNREACHABLE"),
                List.of(gap.service(), gap.operation(), gap.region(), gap.errorCode()));
        assertTrue(gap.message().contains("SocketTimeoutException"), gap.message());
        assertEquals(ATTEMPTS, aws.calls("lambda", "ListFunctions"));
    }

    /** A connection that breaks, an answer cut or garbled: one gap, never an empty listing taken as none. */
    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"MALFORMED_RESPONSE_CHUNK", "CONNECTION_RESET_BY_PEER",
        "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void aBrokenConnectionIsAGap(Fault fault) {
        aws.stub(query("ListTopics"), aResponse().withFault(fault));
        aws.stub(json("TrentService.ListKeys"), aResponse().withFault(fault));
        CollectResult result = aws.collector(ONE_REGION).run();
        List<Gap> gaps = gaps(result);
        assertEquals(Set.of("sns:ListTopics", "kms:ListKeys"),
                gaps.stream().map(g -> g.service() + ":" + g.operation()).collect(Collectors.toSet()), gaps.toString());
        assertTrue(gaps.stream().allMatch(g -> Set.of("UNREACHABLE", "MALFORMED_RESPONSE").contains(g.errorCode())),
                gaps.toString());
    }

    @Test
    void anAnswerCutShortIsAGapNotAShorterList() {
        String full = "<GetAccountAuthorizationDetailsResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<GetAccountAuthorizationDetailsResult><IsTruncated>false</IsTruncated><UserDetailList><member>"
                + "<UserName>alice</UserName><UserId>AIDAALICE</UserId><Arn>arn:aws:iam::111122223333:user/alice"
                + "</Arn><Path>/</Path><CreateDate>2025-01-01T00:00:00Z</CreateDate></member><member><UserName>bob"
                + "</UserName></member></UserDetailList><GroupDetailList/><RoleDetailList/><Policies/>"
                + "</GetAccountAuthorizationDetailsResult></GetAccountAuthorizationDetailsResponse>";
        String cut = full.substring(0, full.indexOf("<member><UserName>bob"));
        aws.stub(query("GetAccountAuthorizationDetails"), AwsStubs.xml(cut));
        aws.stub(json("TrentService.ListKeys"), ok("{\"Keys\":[{\"KeyId\":\"k1\",\"KeyArn\":\"arn:aws:kms:us-east-1:"
                + "111122223333:key/k1\"}"));
        CollectResult result = aws.collector(ONE_REGION).run();
        Set<String> failed = gaps(result).stream().map(g -> g.operation() + " " + g.errorCode())
                .collect(Collectors.toSet());
        assertEquals(Set.of("GetAccountAuthorizationDetails MALFORMED_RESPONSE", "ListKeys MALFORMED_RESPONSE"),
                failed);
        JsonNode account = AwsStubs.account(result);
        assertEquals(0, account.at("/authorizationDetails/UserDetailList").size(),
                "alice of a cut answer is not kept as if she were the only user");
    }

    /**
     * Answers {@code ExpiredToken} in every protocol once the state is "expired": what AWS says to a request
     * signed with a session token past its expiry.
     */
    private void expireAfter(MappingBuilder trigger, ResponseDefinitionBuilder answer) {
        aws.stub(trigger.inScenario("token").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("expired"), answer);
        String message = "The security token included in the request is expired";
        aws.stub(any(anyUrl()).withHeader("X-Amz-Target", containing(".")).inScenario("token")
                .whenScenarioStateIs("expired"), jsonError(400, "ExpiredTokenException", message));
        aws.stub(any(anyUrl()).withRequestBody(containing("Action=")).inScenario("token")
                .whenScenarioStateIs("expired"), queryError(400, "ExpiredToken", message));
        aws.stub(get(urlMatching("/.*")).inScenario("token").whenScenarioStateIs("expired"),
                s3Error(400, "ExpiredToken", message));
        // Added last, so preferred at equal priority: EC2's own error shape, Lambda's REST one.
        aws.stub(any(anyUrl()).withHeader("Authorization", containing("/ec2/")).inScenario("token")
                .whenScenarioStateIs("expired"), AwsStubs.ec2Error(400, "ExpiredToken", message));
        aws.stub(get(urlMatching("/20\\d\\d-\\d\\d-\\d\\d/.*")).inScenario("token").whenScenarioStateIs("expired"),
                AwsStubs.restError(400, "ExpiredTokenException", message));
    }

    @Test
    void credentialsExpiringMidRunLeaveWhatWasReadAndAGapForEveryCallAfter() {
        expireAfter(query("GetAccountAuthorizationDetails"), iam("GetAccountAuthorizationDetails",
                "<IsTruncated>false</IsTruncated><UserDetailList><member><UserName>alice</UserName><UserId>AIDAALICE"
                        + "</UserId><Arn>arn:aws:iam::111122223333:user/alice</Arn><Path>/</Path><CreateDate>"
                        + "2025-01-01T00:00:00Z</CreateDate></member></UserDetailList><GroupDetailList/>"
                        + "<RoleDetailList/><Policies/>"));
        CollectResult result = aws.collector(ONE_REGION).run();
        JsonNode account = AwsStubs.account(result);
        assertEquals("alice", account.at("/authorizationDetails/UserDetailList/0/UserName").asText());
        List<Gap> gaps = gaps(result);
        assertTrue(gaps.size() >= 10, gaps.toString());
        assertTrue(gaps.stream().allMatch(g -> g.errorCode().startsWith("ExpiredToken")), gaps.toString());
        Set<String> failed = gaps.stream().map(g -> g.service() + ":" + g.operation()).collect(Collectors.toSet());
        assertTrue(failed.containsAll(Set.of("iam:ListUsers", "s3:ListBuckets", "kms:ListKeys", "sqs:ListQueues",
                "lambda:ListFunctions", "sns:ListTopics")), failed.toString());
        assertFalse(failed.contains("iam:GetAccountAuthorizationDetails"), failed.toString());
        // An expired token is not retried: AWS would answer the same again.
        assertEquals(1, aws.calls("iam", "ListUsers"));
        assertTrue(GapReport.lines(result).stream().anyMatch(l -> l.contains("ExpiredToken")),
                GapReport.lines(result).toString());
    }

    @Test
    void accessDeniedForOneServiceInOneRegionIsAGapThereOnly() {
        aws.stub(json("TrentService.ListKeys").withHeader("Authorization", containing("/eu-west-1/kms/")),
                jsonError(400, "AccessDeniedException", "denied by an SCP in eu-west-1"));
        aws.stub(json("AmazonSQS.ListQueues"), jsonError(403, "AccessDenied", "no sqs for you"));
        aws.stub(query("ListTopics").withHeader("Authorization", containing("/us-east-1/sns/")),
                queryError(403, "AuthorizationError", "not authorized"));
        CollectResult result = aws.collector(List.of("us-east-1", "eu-west-1")).run();
        assertEquals(Set.of(
                new Gap("kms", "ListKeys", "eu-west-1", null, "AccessDeniedException", "denied by an SCP in eu-west-1"),
                new Gap("sqs", "ListQueues", "us-east-1", null, "AccessDenied", "no sqs for you"),
                new Gap("sqs", "ListQueues", "eu-west-1", null, "AccessDenied", "no sqs for you"),
                new Gap("sns", "ListTopics", "us-east-1", null, "AuthorizationError", "not authorized")),
                Set.copyOf(gaps(result)));
        assertEquals(1, aws.calls("sqs", "ListQueues") / 2, "access denied is not retried");
    }
}
