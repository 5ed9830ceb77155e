package io.iamscope.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.iamscope.collect.AwsStubs.restError;
import static io.iamscope.collect.AwsStubs.restOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.model.Gap;
import io.iamscope.model.Resource;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.model.io.SnapshotWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom Bedrock AgentCore code interpreters collected through {@link io.iamscope.aws.AwsJsonApi#rest}, against a
 * WireMock server answering like the AgentCore control plane (restJson1).
 */
class AgentCoreCollectTest {
    private static final String CI = "arn:aws:bedrock-agentcore:us-east-1:111122223333:code-interpreter-custom/";
    private static final String ANALYSIS = CI + "analysis_ci-a1B2c3D4e5";
    private static final String REPORTS = CI + "reports_ci-f6G7h8I9j0";
    private static final String OFFLINE = CI + "offline_ci-k1L2m3N4o5";
    private static final String EXEC_ROLE = "arn:aws:iam::111122223333:role/agentcore-analysis";

    private final AwsStubs aws = new AwsStubs();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static MappingBuilder list() {
        return post(urlPathEqualTo("/code-interpreters"));
    }

    private static MappingBuilder interpreter(String arn) {
        return get(urlPathEqualTo("/code-interpreters/" + arn.substring(arn.lastIndexOf('/') + 1)));
    }

    private static String summary(String arn) {
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        return "{\"codeInterpreterArn\":\"" + arn + "\",\"codeInterpreterId\":\"" + id + "\",\"name\":\""
                + id.split("-")[0] + "\",\"status\":\"READY\"}";
    }

    private static String details(String arn, String role) {
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        return "{\"codeInterpreterArn\":\"" + arn + "\",\"codeInterpreterId\":\"" + id + "\",\"name\":\""
                + id.split("-")[0] + "\",\"status\":\"READY\"," + (role == null ? "" : "\"executionRoleArn\":\"" + role
                + "\",") + "\"networkConfiguration\":{\"networkMode\":\"SANDBOX\"},\"createdAt\":1735689600}";
    }

    /** Two pages: analysis (an execution role, tagged), reports (no role), gone (deleted since the listing). */
    private void stubTwoPagesOfInterpreters() {
        aws.stub(list(), restOk("{\"codeInterpreterSummaries\":[" + summary(ANALYSIS) + "," + summary(REPORTS)
                + "],\"nextToken\":\"c2\"}"));
        aws.stub(list().withQueryParam("nextToken", equalTo("c2")),
                restOk("{\"codeInterpreterSummaries\":[" + summary(OFFLINE) + "]}"));
        aws.stub(interpreter(ANALYSIS), restOk(details(ANALYSIS, EXEC_ROLE)));
        aws.stub(interpreter(REPORTS), restOk(details(REPORTS, null)));
        aws.stub(interpreter(OFFLINE), restError(404, "ResourceNotFoundException", "code interpreter not found"));
        aws.stub(get(urlPathMatching("/tags/.*")), restOk("{\"tags\":{}}"));
        aws.stub(get(urlPathMatching("/tags/.*analysis_ci.*")), restOk("{\"tags\":{\"team\":\"analytics\"}}"));
    }

    @Test
    void collectsCustomInterpretersWithTheirExecutionRolesOverTwoPages() {
        stubTwoPagesOfInterpreters();
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps(), "an interpreter deleted since the listing is no gap");
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(Set.of(ANALYSIS, REPORTS), res.keySet());
        JsonNode analysis = res.get(ANALYSIS);
        assertEquals("AWS::BedrockAgentCore::CodeInterpreter", analysis.get("type").asText());
        assertEquals(EXEC_ROLE, analysis.get("roleArn").asText());
        assertTrue(analysis.get("policy").isNull(), "code interpreters have no resource-based policy");
        assertEquals("analytics", analysis.at("/tags/team").asText());
        assertEquals("READY", analysis.at("/properties/status").asText());
        assertEquals("SANDBOX", analysis.at("/properties/networkConfiguration/networkMode").asText());
        assertFalse(res.get(REPORTS).has("roleArn"), "an interpreter without an execution role");
        assertEquals(0, res.get(REPORTS).get("tags").size());

        var lists = aws.server.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().startsWith("/code-interpreters?")).toList();
        assertEquals(2, lists.size());
        for (var r : lists) {
            assertTrue(r.getUrl().contains("type=CUSTOM") && r.getUrl().contains("maxResults=100"), r.getUrl());
            assertTrue(r.getHeader("Authorization").contains("/us-east-1/bedrock-agentcore/aws4_request"));
        }
        assertTrue(aws.server.getAllServeEvents().stream().anyMatch(e -> e.getRequest().getUrl()
                .equals("/tags/arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A111122223333%3Acode-interpreter-custom"
                        + "%2Fanalysis_ci-a1B2c3D4e5")), "the ARN is one path segment");
        for (AwsStubs.Call c : aws.calls()) {
            assertTrue(AwsOperation.find(c.service(), c.operation()).isPresent(), "unregistered call " + c);
        }
    }

    @Test
    void whatTheCollectorWritesTheTechniqueReads(@TempDir Path dir) {
        stubTwoPagesOfInterpreters();
        Path file = dir.resolve("snapshot.json");
        SnapshotWriter.write(file, aws.collector(List.of("us-east-1")).run().snapshot());
        Map<String, Resource> byArn = SnapshotReader.read(List.of(file), null, null).snapshot().accounts().get(0)
                .resources().stream().collect(Collectors.toMap(Resource::arn, r -> r));
        assertEquals(EXEC_ROLE, byArn.get(ANALYSIS).roleArn());
        assertEquals("READY", byArn.get(ANALYSIS).properties().get("status"));
    }

    @Test
    void accessDeniedIsAGapForThatCallAndTheRestIsCollected() {
        stubTwoPagesOfInterpreters();
        aws.stub(interpreter(REPORTS), restError(403, "AccessDeniedException",
                "not allowed: bedrock-agentcore:GetCodeInterpreter"));
        aws.stub(get(urlPathMatching("/tags/.*analysis_ci.*")), restError(403, "AccessDeniedException",
                "not allowed: bedrock-agentcore:ListTagsForResource"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(
                new Gap("bedrock-agentcore", "ListTagsForResource", "us-east-1", ANALYSIS, "AccessDeniedException",
                        "not allowed: bedrock-agentcore:ListTagsForResource"),
                new Gap("bedrock-agentcore", "GetCodeInterpreter", "us-east-1", "reports_ci-f6G7h8I9j0",
                        "AccessDeniedException", "not allowed: bedrock-agentcore:GetCodeInterpreter")),
                result.accounts().get(0).gaps());
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(Set.of(ANALYSIS), res.keySet());
        assertFalse(res.get(ANALYSIS).has("tags"), "unknown, not none");
        assertEquals(EXEC_ROLE, res.get(ANALYSIS).get("roleArn").asText());
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsAGap() {
        aws.stub(list(), restError(429, "ThrottlingException", "Rate exceeded"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("bedrock-agentcore", "ListCodeInterpreters", "us-east-1", null,
                "ThrottlingException", "Rate exceeded")), result.accounts().get(0).gaps());
        assertTrue(aws.calls("bedrock-agentcore", "ListCodeInterpreters") > 1, "retried before giving up");
    }

    @Test
    void aRegionWhereAgentCoreCannotBeReachedIsAnUnreachableGap() {
        aws.stub(list(), aResponse().withFault(Fault.EMPTY_RESPONSE));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        List<Gap> gaps = result.accounts().get(0).gaps();
        assertEquals(1, gaps.size(), gaps.toString());
        assertEquals("ListCodeInterpreters", gaps.get(0).operation());
        assertEquals("UNREACHABLE", gaps.get(0).errorCode());
    }
}
