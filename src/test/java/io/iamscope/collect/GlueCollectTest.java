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

/** Glue jobs collected with the SDK, against a WireMock server answering like Glue. */
class GlueCollectTest {
    private static final String JOB = "arn:aws:glue:us-east-1:111122223333:job/";
    private static final String ETL_ROLE = "arn:aws:iam::111122223333:role/service-role/glue-etl";

    private final AwsStubs aws = new AwsStubs();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static MappingBuilder glue(String operation) {
        return json("AWSGlue." + operation);
    }

    private static MappingBuilder tagsOf(String name) {
        return glue("GetTags").withRequestBody(matchingJsonPath("$.ResourceArn", equalTo(JOB + name)));
    }

    private static String job(String name, String role) {
        return "{\"Name\":\"" + name + "\"" + (role == null ? "" : ",\"Role\":\"" + role + "\"")
                + ",\"GlueVersion\":\"4.0\",\"Command\":{\"Name\":\"glueetl\",\"ScriptLocation\":\"s3://scripts/" + name
                + ".py\"}}";
    }

    /** Two pages: nightly (a role ARN with a path, tagged), hourly (a role given by name), draft (no role). */
    private void stubTwoPagesOfJobs() {
        aws.stub(glue("GetJobs"), ok("{\"Jobs\":[" + job("nightly", ETL_ROLE) + "],\"NextToken\":\"j2\"}"));
        aws.stub(glue("GetJobs").withRequestBody(matchingJsonPath("$.NextToken", equalTo("j2"))),
                ok("{\"Jobs\":[" + job("hourly", "glue-hourly") + "," + job("draft", null) + "]}"));
        aws.stub(glue("GetTags"), ok("{\"Tags\":{}}"));
        aws.stub(tagsOf("nightly"), ok("{\"Tags\":{\"team\":\"data\"}}"));
    }

    @Test
    void collectsJobsWithTheirRolesOverTwoPages() {
        stubTwoPagesOfJobs();
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps());
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(Set.of(JOB + "nightly", JOB + "hourly", JOB + "draft"), res.keySet());
        JsonNode nightly = res.get(JOB + "nightly");
        assertEquals("AWS::Glue::Job", nightly.get("type").asText());
        assertEquals(ETL_ROLE, nightly.get("roleArn").asText());
        assertTrue(nightly.get("policy").isNull(), "jobs have no resource-based policy");
        assertEquals("data", nightly.at("/tags/team").asText());
        assertEquals("nightly", nightly.at("/properties/Name").asText());
        assertEquals("glueetl", nightly.at("/properties/Command/Name").asText());
        assertEquals("arn:aws:iam::111122223333:role/glue-hourly", res.get(JOB + "hourly").get("roleArn").asText(),
                "a role given by name");
        assertEquals(0, res.get(JOB + "hourly").get("tags").size());
        assertFalse(res.get(JOB + "draft").has("roleArn"), "a job without a role");
        assertEquals(3, aws.calls("glue", "GetTags"), "once per job");
        for (AwsStubs.Call c : aws.calls()) {
            assertTrue(AwsOperation.find(c.service(), c.operation()).isPresent(), "unregistered call " + c);
        }
    }

    @Test
    void whatTheCollectorWritesTheTechniqueReads(@TempDir Path dir) {
        stubTwoPagesOfJobs();
        Path file = dir.resolve("snapshot.json");
        SnapshotWriter.write(file, aws.collector(List.of("us-east-1")).run().snapshot());
        Map<String, Resource> byArn = SnapshotReader.read(List.of(file), null, null).snapshot().accounts().get(0)
                .resources().stream().collect(Collectors.toMap(Resource::arn, r -> r));
        // glue-update-job reads the account's jobs (any, with or without a role) by type and ARN.
        assertEquals("AWS::Glue::Job", byArn.get(JOB + "draft").type());
        assertEquals(ETL_ROLE, byArn.get(JOB + "nightly").roleArn());
        assertEquals(Map.of("team", "data"), byArn.get(JOB + "nightly").tags());
    }

    @Test
    void accessDeniedOnGetJobsIsAGapAndTheAccountIsStillCollected() {
        aws.stub(glue("GetJobs"), jsonError(400, "AccessDeniedException", "not allowed: glue:GetJobs"));
        aws.stubOneQueue();
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("glue", "GetJobs", "us-east-1", null, "AccessDeniedException",
                "not allowed: glue:GetJobs")), result.accounts().get(0).gaps());
        assertEquals(1, AwsStubs.account(result).get("resources").size(), "the queue");
    }

    @Test
    void tagsThatCannotBeReadAreLeftOutAndAGap() {
        stubTwoPagesOfJobs();
        aws.stub(tagsOf("nightly"), jsonError(400, "AccessDeniedException", "not allowed: glue:GetTags"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("glue", "GetTags", "us-east-1", JOB + "nightly", "AccessDeniedException",
                "not allowed: glue:GetTags")), result.accounts().get(0).gaps());
        JsonNode nightly = AwsStubs.resourcesByArn(AwsStubs.account(result)).get(JOB + "nightly");
        assertFalse(nightly.has("tags"), "unknown, not none");
        assertEquals(ETL_ROLE, nightly.get("roleArn").asText());
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsAGap() {
        stubTwoPagesOfJobs();
        aws.stub(glue("GetJobs").withRequestBody(matchingJsonPath("$.NextToken", equalTo("j2"))),
                jsonError(400, "ThrottlingException", "Rate exceeded"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("glue", "GetJobs", "us-east-1", null, "ThrottlingException", "Rate exceeded")),
                result.accounts().get(0).gaps());
        assertTrue(aws.calls("glue", "GetJobs") > 2, "retried before giving up");
        assertEquals(Set.of(JOB + "nightly"), AwsStubs.resourcesByArn(AwsStubs.account(result)).keySet(),
                "the first page is kept");
    }
}
