package io.iamscope.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.iamscope.collect.AwsStubs.json;
import static io.iamscope.collect.AwsStubs.jsonError;
import static io.iamscope.collect.AwsStubs.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
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

/** SageMaker notebook instances collected through {@link io.iamscope.aws.AwsJsonApi}, against a WireMock server answering like SageMaker. */
class SageMakerCollectTest {
    private static final String NOTEBOOK = "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/";
    private static final String RESEARCH_ROLE = "arn:aws:iam::111122223333:role/service-role/sagemaker-research";

    private final AwsStubs aws = new AwsStubs();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static MappingBuilder sageMaker(String operation) {
        return json("SageMaker." + operation);
    }

    private static MappingBuilder describe(String name) {
        return sageMaker("DescribeNotebookInstance")
                .withRequestBody(matchingJsonPath("$.NotebookInstanceName", equalTo(name)));
    }

    private static MappingBuilder tagsOf(String name) {
        return sageMaker("ListTags").withRequestBody(matchingJsonPath("$.ResourceArn", equalTo(NOTEBOOK + name)));
    }

    private static String summary(String name) {
        return "{\"NotebookInstanceName\":\"" + name + "\",\"NotebookInstanceArn\":\"" + NOTEBOOK + name
                + "\",\"NotebookInstanceStatus\":\"InService\"}";
    }

    /** DescribeNotebookInstance's answer, trimmed to what matters here. */
    private static String notebook(String name, String role, String status) {
        return "{\"NotebookInstanceName\":\"" + name + "\",\"NotebookInstanceArn\":\"" + NOTEBOOK + name + "\","
                + (role == null ? "" : "\"RoleArn\":\"" + role + "\",") + "\"NotebookInstanceStatus\":\"" + status
                + "\",\"RootAccess\":\"Enabled\",\"DirectInternetAccess\":\"Enabled\",\"InstanceType\":\"ml.t3.medium\"}";
    }

    /** Two pages: research (a role, tags over two pages), scratch (stopped); and a third without a role. */
    private void stubTwoPagesOfNotebooks() {
        aws.stub(sageMaker("ListNotebookInstances"), ok("{\"NotebookInstances\":[" + summary("research") + ","
                + summary("scratch") + "],\"NextToken\":\"n2\"}"));
        aws.stub(sageMaker("ListNotebookInstances").withRequestBody(matchingJsonPath("$.NextToken", equalTo("n2"))),
                ok("{\"NotebookInstances\":[" + summary("bare") + "]}"));
        aws.stub(describe("research"), ok(notebook("research", RESEARCH_ROLE, "InService")));
        aws.stub(describe("scratch"), ok(notebook("scratch", RESEARCH_ROLE, "Stopped")));
        aws.stub(describe("bare"), ok(notebook("bare", null, "InService")));
        aws.stub(sageMaker("ListTags"), ok("{\"Tags\":[]}"));
        aws.stub(tagsOf("research"), ok("{\"Tags\":[{\"Key\":\"team\",\"Value\":\"ml\"}],\"NextToken\":\"t2\"}"));
        aws.stub(tagsOf("research").withRequestBody(matchingJsonPath("$.NextToken", equalTo("t2"))),
                ok("{\"Tags\":[{\"Key\":\"env\",\"Value\":\"prod\"}]}"));
    }

    @Test
    void collectsNotebooksWithTheirRolesOverTwoPages() {
        stubTwoPagesOfNotebooks();
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps());
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(Set.of(NOTEBOOK + "research", NOTEBOOK + "scratch", NOTEBOOK + "bare"), res.keySet());
        JsonNode research = res.get(NOTEBOOK + "research");
        assertEquals("AWS::SageMaker::NotebookInstance", research.get("type").asText());
        assertEquals(RESEARCH_ROLE, research.get("roleArn").asText());
        assertTrue(research.get("policy").isNull(), "notebook instances have no resource-based policy");
        assertEquals("ml", research.at("/tags/team").asText());
        assertEquals("prod", research.at("/tags/env").asText(), "every page of tags");
        assertEquals("InService", research.at("/properties/NotebookInstanceStatus").asText());
        assertEquals("Enabled", research.at("/properties/RootAccess").asText());
        assertFalse(research.at("/properties").has("InstanceType"), "only what the techniques read");
        assertEquals("Stopped", res.get(NOTEBOOK + "scratch").at("/properties/NotebookInstanceStatus").asText());
        assertFalse(res.get(NOTEBOOK + "bare").has("roleArn"), "a notebook without a role");
        assertEquals(0, res.get(NOTEBOOK + "bare").get("tags").size());
        assertEquals(2, aws.calls("sagemaker", "ListNotebookInstances"));
        for (AwsStubs.Call c : aws.calls()) {
            assertTrue(AwsOperation.find(c.service(), c.operation()).isPresent(), "unregistered call " + c);
        }
    }

    @Test
    void requestsGoToSageMakersApiEndpointWithItsTarget() {
        stubTwoPagesOfNotebooks();
        aws.collector(List.of("us-east-1")).run();
        var list = aws.server.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> "SageMaker.ListNotebookInstances".equals(r.getHeader("X-Amz-Target"))).findFirst()
                .orElseThrow();
        assertEquals("application/x-amz-json-1.1", list.getHeader("Content-Type"));
        assertTrue(list.getHeader("Authorization").contains("/us-east-1/sagemaker/aws4_request"));
        assertTrue(list.getBodyAsString().contains("\"MaxResults\":100"), list.getBodyAsString());
    }

    @Test
    void whatTheCollectorWritesTheTechniquesRead(@TempDir Path dir) {
        stubTwoPagesOfNotebooks();
        Path file = dir.resolve("snapshot.json");
        SnapshotWriter.write(file, aws.collector(List.of("us-east-1")).run().snapshot());
        Map<String, Resource> byArn = SnapshotReader.read(List.of(file), null, null).snapshot().accounts().get(0)
                .resources().stream().collect(Collectors.toMap(Resource::arn, r -> r));
        assertEquals(RESEARCH_ROLE, byArn.get(NOTEBOOK + "scratch").roleArn());
        assertEquals("Stopped", byArn.get(NOTEBOOK + "scratch").properties().get("NotebookInstanceStatus"));
    }

    @Test
    void accessDeniedOnOneNotebookIsAGapForItAndTheOthersAreCollected() {
        stubTwoPagesOfNotebooks();
        aws.stub(describe("scratch"), jsonError(400, "AccessDeniedException",
                "not allowed: sagemaker:DescribeNotebookInstance"));
        aws.stub(tagsOf("research").withRequestBody(matchingJsonPath("$.NextToken", equalTo("t2"))),
                jsonError(400, "AccessDeniedException", "not allowed: sagemaker:ListTags"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(
                new Gap("sagemaker", "ListTags", "us-east-1", NOTEBOOK + "research", "AccessDeniedException",
                        "not allowed: sagemaker:ListTags"),
                new Gap("sagemaker", "DescribeNotebookInstance", "us-east-1", "scratch", "AccessDeniedException",
                        "not allowed: sagemaker:DescribeNotebookInstance")), result.accounts().get(0).gaps());
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(Set.of(NOTEBOOK + "research", NOTEBOOK + "bare"), res.keySet());
        assertFalse(res.get(NOTEBOOK + "research").has("tags"), "half the tags would pass for all: unknown");
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsAGap() {
        aws.stub(sageMaker("ListNotebookInstances"), jsonError(400, "ThrottlingException", "Rate exceeded"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("sagemaker", "ListNotebookInstances", "us-east-1", null, "ThrottlingException",
                "Rate exceeded")), result.accounts().get(0).gaps());
        assertTrue(aws.calls("sagemaker", "ListNotebookInstances") > 1, "retried before giving up");
    }
}
