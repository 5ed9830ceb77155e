package io.iamscope.collect;

import io.iamscope.collect.call.AwsOperation;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.iamscope.collect.AwsStubs.json;
import static io.iamscope.collect.AwsStubs.jsonError;
import static io.iamscope.collect.AwsStubs.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.iamscope.model.Gap;
import io.iamscope.model.Resource;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.model.io.SnapshotWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** App Runner services collected through {@link io.iamscope.aws.AwsJsonApi}, against a WireMock server answering like App Runner. */
class AppRunnerCollectTest {
    private static final String APPRUNNER = "AppRunner.";
    private static final String SERVICE = "arn:aws:apprunner:us-east-1:111122223333:service/";
    private static final String API = SERVICE + "api/8fe1e10304f84fd2b0df550fe98a71fa";
    private static final String WEB = SERVICE + "web/0a1b2c3d4e5f40718293a4b5c6d7e8f9";
    private static final String STATIC = SERVICE + "static/11112222333344445555666677778888";
    private static final String GONE = SERVICE + "gone/99990000aaaabbbbccccddddeeeeffff";
    private static final String API_ROLE = "arn:aws:iam::111122223333:role/apprunner-api";
    private static final String WEB_ROLE = "arn:aws:iam::111122223333:role/service-role/apprunner-web";

    private final AwsStubs aws = new AwsStubs();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static MappingBuilder appRunner(String operation) {
        return json(APPRUNNER + operation);
    }

    private static MappingBuilder describe(String arn) {
        return appRunner("DescribeService").withRequestBody(matchingJsonPath("$.ServiceArn", equalTo(arn)));
    }

    private static String summary(String arn) {
        return "{\"ServiceArn\":\"" + arn + "\",\"ServiceName\":\"" + arn.split("/")[1] + "\",\"Status\":\"RUNNING\"}";
    }

    /** DescribeService's answer, trimmed to what matters here. */
    private static String service(String arn, String instanceRole, String status) {
        return "{\"Service\":{\"ServiceArn\":\"" + arn + "\",\"ServiceName\":\"" + arn.split("/")[1] + "\","
                + "\"Status\":\"" + status + "\",\"InstanceConfiguration\":{\"Cpu\":\"1024\",\"Memory\":\"2048\""
                + (instanceRole == null ? "" : ",\"InstanceRoleArn\":\"" + instanceRole + "\"") + "},"
                + "\"SourceConfiguration\":{\"ImageRepository\":{\"ImageIdentifier\":\"public.ecr.aws/nginx/nginx:"
                + "latest\",\"ImageRepositoryType\":\"ECR_PUBLIC\"}}}}";
    }

    /** The bodies of the ListServices requests, in the order they were sent. */
    private List<JsonNode> listRequests() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (var event : aws.server.getAllServeEvents()) {
            if ((APPRUNNER + "ListServices").equals(event.getRequest().getHeader("X-Amz-Target"))) {
                out.add(mapper.readTree(event.getRequest().getBodyAsString()));
            }
        }
        Collections.reverse(out); // WireMock lists the newest request first
        return out;
    }

    /** Two pages: api (instance role), web (role with a path), static (no instance role), gone (deleted since). */
    private void stubTwoPagesOfServices() {
        aws.stub(appRunner("ListServices"), ok("{\"ServiceSummaryList\":[" + summary(API) + "," + summary(WEB)
                + "],\"NextToken\":\"p2\"}"));
        aws.stub(appRunner("ListServices").withRequestBody(matchingJsonPath("$.NextToken", equalTo("p2"))),
                ok("{\"ServiceSummaryList\":[" + summary(STATIC) + "," + summary(GONE) + "]}"));
        aws.stub(describe(API), ok(service(API, API_ROLE, "RUNNING")));
        aws.stub(describe(WEB), ok(service(WEB, WEB_ROLE, "PAUSED")));
        aws.stub(describe(STATIC), ok(service(STATIC, null, "RUNNING")));
        aws.stub(describe(GONE), jsonError(400, "ResourceNotFoundException", "service not found"));
        aws.stub(appRunner("ListTagsForResource").withRequestBody(matchingJsonPath("$.ResourceArn", equalTo(API))),
                ok("{\"Tags\":[{\"Key\":\"team\",\"Value\":\"payments\"},{\"Key\":\"env\",\"Value\":\"prod\"}]}"));
    }

    @Test
    void collectsServicesWithTheirInstanceRolesOverTwoPages() throws IOException {
        stubTwoPagesOfServices();
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps(), "a service deleted since the listing is no gap");
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(3, res.size(), res.toString());

        JsonNode api = res.get(API);
        assertEquals("AWS::AppRunner::Service", api.get("type").asText());
        assertEquals("us-east-1", api.get("region").asText());
        assertEquals(API_ROLE, api.get("roleArn").asText());
        assertTrue(api.get("policy").isNull(), "App Runner has no resource-based policies: none, not unknown");
        assertEquals("payments", api.at("/tags/team").asText(), "tags from ListTagsForResource");
        assertEquals("prod", api.at("/tags/env").asText());
        assertEquals(0, res.get(WEB).get("tags").size(), "a service without tags: an empty object, not unknown");
        assertEquals(3, aws.calls("apprunner", "ListTagsForResource"), "once per service described");
        assertEquals("RUNNING", api.at("/properties/Status").asText());
        assertEquals(WEB_ROLE, res.get(WEB).get("roleArn").asText());
        assertEquals("PAUSED", res.get(WEB).at("/properties/Status").asText());

        List<JsonNode> lists = listRequests();
        assertEquals(2, lists.size());
        assertEquals(20, lists.get(0).get("MaxResults").asInt(), "the API's largest page");
        assertFalse(lists.get(0).has("NextToken"));
        assertEquals("p2", lists.get(1).get("NextToken").asText());
        assertEquals(4, aws.calls("apprunner", "DescribeService"));
        for (AwsStubs.Call c : aws.calls()) {
            assertTrue(AwsOperation.find(c.service(), c.operation()).isPresent(), "unregistered call " + c);
        }
    }

    @Test
    void aServiceWithoutInstanceRoleHasNoRoleArn() {
        stubTwoPagesOfServices();
        JsonNode st = AwsStubs.resourcesByArn(AwsStubs.account(aws.collector(List.of("us-east-1")).run())).get(STATIC);
        assertEquals("AWS::AppRunner::Service", st.get("type").asText());
        assertFalse(st.has("roleArn"), st.toString());
    }

    @Test
    void whatTheCollectorWritesTheTechniqueReads(@TempDir Path dir) {
        stubTwoPagesOfServices();
        Path file = dir.resolve("snapshot.json");
        SnapshotWriter.write(file, aws.collector(List.of("us-east-1")).run().snapshot());
        List<Resource> resources = SnapshotReader.read(List.of(file), null, null).snapshot().accounts().get(0)
                .resources();
        Map<String, Resource> byArn = resources.stream().collect(Collectors.toMap(Resource::arn, r -> r));
        // apprunner-update-service reads the services of this type that have a roleArn.
        Resource api = byArn.get(API);
        assertEquals("AWS::AppRunner::Service", api.type());
        assertEquals(API_ROLE, api.roleArn());
        assertNull(api.policy());
        assertEquals("RUNNING", api.properties().get("Status"));
        assertNull(byArn.get(STATIC).roleArn());
        assertFalse(byArn.containsKey(GONE));
    }

    @Test
    void accessDeniedOnListServicesIsAGapAndTheAccountIsStillCollected() {
        aws.stub(appRunner("ListServices"), jsonError(400, "AccessDeniedException",
                "not allowed: apprunner:ListServices"));
        aws.stubOneQueue();
        CollectResult result = aws.collector(List.of("us-east-1", "eu-west-1")).run();
        assertEquals(List.of(
                new Gap("apprunner", "ListServices", "us-east-1", null, "AccessDeniedException",
                        "not allowed: apprunner:ListServices"),
                new Gap("apprunner", "ListServices", "eu-west-1", null, "AccessDeniedException",
                        "not allowed: apprunner:ListServices")), result.accounts().get(0).gaps());
        assertEquals(0, aws.calls("apprunner", "DescribeService"));
        JsonNode account = AwsStubs.account(result);
        assertTrue(account.has("authorizationDetails"));
        assertEquals(2, account.get("resources").size(), "the queue, once per region");
        assertEquals("AWS::SQS::Queue", account.at("/resources/0/type").asText());
        assertTrue(GapReport.lines(result).get(0).contains("apprunner:ListServices AccessDeniedException: 2 calls"),
                GapReport.lines(result).toString());
    }

    @Test
    void accessDeniedOnOneServiceIsAGapForThatServiceAndTheOthersAreCollected() {
        stubTwoPagesOfServices();
        aws.stub(describe(WEB), jsonError(400, "AccessDeniedException", "not allowed: apprunner:DescribeService"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("apprunner", "DescribeService", "us-east-1", WEB, "AccessDeniedException",
                "not allowed: apprunner:DescribeService")), result.accounts().get(0).gaps());
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(Set.of(API, STATIC), res.keySet());
        assertEquals(API_ROLE, res.get(API).get("roleArn").asText());
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsAGap() {
        aws.stub(appRunner("ListServices"), ok("{\"ServiceSummaryList\":[" + summary(API) + "]}"));
        aws.stub(appRunner("DescribeService"), jsonError(400, "ThrottlingException", "Rate exceeded"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("apprunner", "DescribeService", "us-east-1", API, "ThrottlingException",
                "Rate exceeded")), result.accounts().get(0).gaps());
        assertTrue(aws.calls("apprunner", "DescribeService") > 1, "retried before giving up");
        assertEquals(0, AwsStubs.account(result).get("resources").size());
    }

    @Test
    void aRegionWhereAppRunnerCannotBeReachedIsAnUnreachableGap() {
        // Where App Runner is not offered its regional endpoint does not answer: the same as a dropped connection.
        aws.stub(appRunner("ListServices"), aResponse().withFault(Fault.EMPTY_RESPONSE));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        List<Gap> gaps = result.accounts().get(0).gaps();
        assertEquals(1, gaps.size(), gaps.toString());
        assertEquals("ListServices", gaps.get(0).operation());
        assertEquals("UNREACHABLE", gaps.get(0).errorCode());
        assertTrue(AwsStubs.account(result).has("authorizationDetails"));
    }

    /** Tags that cannot be read are unknown: the record leaves them out (never an empty object), and a gap says so. */
    @Test
    void tagsThatCannotBeReadAreLeftOutAndAGap() {
        stubTwoPagesOfServices();
        aws.stub(appRunner("ListTagsForResource").withRequestBody(matchingJsonPath("$.ResourceArn", equalTo(WEB))),
                jsonError(400, "AccessDeniedException", "not allowed: apprunner:ListTagsForResource"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("apprunner", "ListTagsForResource", "us-east-1", WEB, "AccessDeniedException",
                "not allowed: apprunner:ListTagsForResource")), result.accounts().get(0).gaps());
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertFalse(res.get(WEB).has("tags"), res.get(WEB).toString());
        assertEquals(WEB_ROLE, res.get(WEB).get("roleArn").asText(), "the service is still recorded");
        assertEquals("payments", res.get(API).at("/tags/team").asText());
    }
}
