package io.iamscope.collect;

import io.iamscope.collect.call.AwsOperation;
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
import io.iamscope.model.Gap;
import io.iamscope.model.Resource;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.model.io.SnapshotWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CodeBuild projects collected through {@link io.iamscope.aws.AwsJsonApi}, against a WireMock server answering like CodeBuild. */
class CodeBuildCollectTest {
    private static final String CODEBUILD = "CodeBuild_20161006.";
    private static final String PROJECT = "arn:aws:codebuild:us-east-1:111122223333:project/";
    private static final String DEPLOY_ROLE = "arn:aws:iam::111122223333:role/service-role/codebuild-deploy";
    private static final String TEST_ROLE = "arn:aws:iam::111122223333:role/codebuild-test";
    private static final String BATCH_ROLE = "arn:aws:iam::111122223333:role/codebuild-batch";

    private final AwsStubs aws = new AwsStubs();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static MappingBuilder codeBuild(String operation) {
        return json(CODEBUILD + operation);
    }

    /** A project as BatchGetProjects returns it, trimmed to what matters here. */
    private static String project(String name, String serviceRole, String tags) {
        return project(name, serviceRole, tags, "");
    }

    private static String project(String name, String serviceRole, String tags, String more) {
        return "{\"name\":\"" + name + "\",\"arn\":\"" + PROJECT + name + "\"," + more
                + (serviceRole == null ? "" : "\"serviceRole\":\"" + serviceRole + "\",")
                + "\"source\":{\"type\":\"CODECOMMIT\",\"buildspec\":\"buildspec.yml\"},\"tags\":[" + tags + "]}";
    }

    /** The names each BatchGetProjects request carried, in the order they were sent. */
    private List<List<String>> batches() throws IOException {
        List<List<String>> out = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (var event : aws.server.getAllServeEvents()) {
            if ((CODEBUILD + "BatchGetProjects").equals(event.getRequest().getHeader("X-Amz-Target"))) {
                List<String> names = new ArrayList<>();
                mapper.readTree(event.getRequest().getBodyAsString()).get("names").forEach(n -> names.add(n.asText()));
                out.add(names);
            }
        }
        // WireMock lists the newest request first.
        java.util.Collections.reverse(out);
        return out;
    }

    private void stubTwoPagesOfProjects() {
        aws.stub(codeBuild("ListProjects"), ok("{\"projects\":[\"deploy\",\"test\"],\"nextToken\":\"p2\"}"));
        aws.stub(codeBuild("ListProjects").withRequestBody(matchingJsonPath("$.nextToken", equalTo("p2"))),
                ok("{\"projects\":[\"lint\",\"gone\"]}"));
        aws.stub(codeBuild("BatchGetProjects"), ok("{\"projects\":["
                + project("deploy", DEPLOY_ROLE, "{\"key\":\"team\",\"value\":\"platform\"},{\"key\":\"env\","
                + "\"value\":\"prod\"}", "\"buildBatchConfig\":{\"serviceRole\":\"" + BATCH_ROLE
                + "\",\"timeoutInMins\":60},") + "," + project("test", TEST_ROLE, "") + "," + project("lint", null, "")
                + "],\"projectsNotFound\":[\"gone\"]}"));
    }

    @Test
    void collectsProjectsWithTheirServiceRolesOverTwoPages() throws IOException {
        stubTwoPagesOfProjects();
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps(), "a project deleted since the listing is no gap");
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(3, res.size(), res.toString());

        JsonNode deploy = res.get(PROJECT + "deploy");
        assertEquals("AWS::CodeBuild::Project", deploy.get("type").asText());
        assertEquals("us-east-1", deploy.get("region").asText());
        assertEquals(DEPLOY_ROLE, deploy.get("roleArn").asText());
        assertEquals("platform", deploy.at("/tags/team").asText());
        assertEquals("prod", deploy.at("/tags/env").asText());
        assertFalse(deploy.has("policy"), "the project's resource policy is not read: unknown, not none");
        assertEquals(BATCH_ROLE, deploy.at("/properties/buildBatchConfig/serviceRole").asText());
        assertFalse(res.get(PROJECT + "test").has("properties"), "no batch configuration, no properties");
        assertEquals(TEST_ROLE, res.get(PROJECT + "test").get("roleArn").asText());
        assertEquals(0, res.get(PROJECT + "test").get("tags").size(), "no tags returned: none, not unknown");

        assertEquals(2, aws.calls("codebuild", "ListProjects"));
        assertEquals(List.of(List.of("deploy", "test", "lint", "gone")), batches(), "both pages in one batch");
        for (AwsStubs.Call c : aws.calls()) {
            assertTrue(AwsOperation.find(c.service(), c.operation()).isPresent(), "unregistered call " + c);
        }
    }

    @Test
    void aProjectWithoutServiceRoleHasNoRoleArn() {
        stubTwoPagesOfProjects();
        JsonNode lint = AwsStubs.resourcesByArn(AwsStubs.account(aws.collector(List.of("us-east-1")).run()))
                .get(PROJECT + "lint");
        assertEquals("AWS::CodeBuild::Project", lint.get("type").asText());
        assertFalse(lint.has("roleArn"), lint.toString());
    }

    @Test
    void whatTheCollectorWritesTheTechniquesRead(@TempDir Path dir) {
        stubTwoPagesOfProjects();
        Path file = dir.resolve("snapshot.json");
        SnapshotWriter.write(file, aws.collector(List.of("us-east-1")).run().snapshot());
        List<Resource> resources = SnapshotReader.read(List.of(file), null, null).snapshot().accounts().get(0)
                .resources();
        Resource deploy = resources.stream().filter(r -> r.arn().equals(PROJECT + "deploy")).findFirst().orElseThrow();
        assertEquals("AWS::CodeBuild::Project", deploy.type());
        assertEquals(DEPLOY_ROLE, deploy.roleArn());
        assertEquals("platform", deploy.tags().get("team"));
        assertNull(deploy.policy());
    }

    @Test
    void projectsAreReadAtMostAHundredAtATime() throws IOException {
        List<String> names = IntStream.range(0, 150).mapToObj(i -> "p" + i).toList();
        String quoted = names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(","));
        aws.stub(codeBuild("ListProjects"), ok("{\"projects\":[" + quoted + "]}"));
        aws.stub(codeBuild("BatchGetProjects"), ok("{\"projects\":[" + project("p0", DEPLOY_ROLE, "") + "]}"));
        aws.stub(codeBuild("BatchGetProjects").withRequestBody(matchingJsonPath("$.names[0]", equalTo("p100"))),
                ok("{\"projects\":[" + project("p100", TEST_ROLE, "") + "]}"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps());
        assertEquals(List.of(names.subList(0, 100), names.subList(100, 150)), batches());
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(TEST_ROLE, res.get(PROJECT + "p100").get("roleArn").asText());
        assertEquals(2, res.size());
    }

    @Test
    void accessDeniedOnListProjectsIsAGapAndTheAccountIsStillCollected() {
        aws.stub(codeBuild("ListProjects"), jsonError(400, "AccessDeniedException",
                "not allowed: codebuild:ListProjects"));
        aws.stubOneQueue();
        CollectResult result = aws.collector(List.of("us-east-1", "eu-west-1")).run();
        assertEquals(List.of(
                new Gap("codebuild", "ListProjects", "us-east-1", null, "AccessDeniedException",
                        "not allowed: codebuild:ListProjects"),
                new Gap("codebuild", "ListProjects", "eu-west-1", null, "AccessDeniedException",
                        "not allowed: codebuild:ListProjects")), result.accounts().get(0).gaps());
        assertEquals(0, aws.calls("codebuild", "BatchGetProjects"));
        JsonNode account = AwsStubs.account(result);
        assertTrue(account.has("authorizationDetails"));
        assertEquals(2, account.get("resources").size(), "the queue, once per region");
        assertEquals("AWS::SQS::Queue", account.at("/resources/0/type").asText());
        assertTrue(GapReport.lines(result).get(0).contains("codebuild:ListProjects AccessDeniedException: 2 calls"),
                GapReport.lines(result).toString());
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsAGap() {
        aws.stub(codeBuild("ListProjects"), ok("{\"projects\":[\"deploy\"]}"));
        aws.stub(codeBuild("BatchGetProjects"), jsonError(400, "ThrottlingException", "Rate exceeded"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("codebuild", "BatchGetProjects", "us-east-1", null, "ThrottlingException",
                "Rate exceeded")), result.accounts().get(0).gaps());
        assertTrue(aws.calls("codebuild", "BatchGetProjects") > 1, "retried before giving up");
        assertEquals(0, AwsStubs.account(result).get("resources").size());
    }
}
