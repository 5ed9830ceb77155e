package io.iamscope.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.iamscope.collect.AwsStubs.CLOUDFORMATION_NS;
import static io.iamscope.collect.AwsStubs.query;
import static io.iamscope.collect.AwsStubs.queryError;
import static io.iamscope.collect.AwsStubs.queryResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/** CloudFormation stacks and stack sets collected with the SDK, against a WireMock server answering like CloudFormation. */
class CloudFormationCollectTest {
    private static final String STACK = "arn:aws:cloudformation:us-east-1:111122223333:stack/";
    private static final String APP = STACK + "app/5b1c9a40-0d1e-11ef-9c1a-0a1b2c3d4e5f";
    private static final String NET = STACK + "network/6c2d0b51-0d1e-11ef-9c1a-0a1b2c3d4e5f";
    private static final String OLD = STACK + "old/7d3e1c62-0d1e-11ef-9c1a-0a1b2c3d4e5f";
    private static final String DEPLOY_ROLE = "arn:aws:iam::111122223333:role/cfn-deploy";
    private static final String BASELINE = "arn:aws:cloudformation:us-east-1:111122223333:stackset/baseline:"
            + "4f2a8c1e-0b3d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String GUARDRAILS = "arn:aws:cloudformation:us-east-1:111122223333:stackset/guardrails:"
            + "5a3b9d2f-1c4e-4f60-9bac-1d2e3f4a5b6c";
    private static final String ADMIN_ROLE = "arn:aws:iam::111122223333:role/AWSCloudFormationStackSetAdministrationRole";

    private final AwsStubs aws = new AwsStubs();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static String stack(String id, String status, String role, String tags) {
        String name = id.split("/")[1];
        return "<member><StackId>" + id + "</StackId><StackName>" + name + "</StackName>"
                + "<CreationTime>2025-01-01T00:00:00Z</CreationTime><StackStatus>" + status + "</StackStatus>"
                + (role == null ? "" : "<RoleARN>" + role + "</RoleARN>") + "<Tags>" + tags + "</Tags></member>";
    }

    private static String tag(String key, String value) {
        return "<member><Key>" + key + "</Key><Value>" + value + "</Value></member>";
    }

    /** Two pages of stacks (app with a role and tags, network without a role; old rolled back), two stack sets. */
    private void stubStacksAndStackSets() {
        aws.stub(query("DescribeStacks"), queryResult("DescribeStacks", CLOUDFORMATION_NS, "<Stacks>"
                + stack(APP, "UPDATE_COMPLETE", DEPLOY_ROLE, tag("team", "payments")) + "</Stacks><NextToken>p2</NextToken>"));
        aws.stub(query("DescribeStacks").withRequestBody(containing("NextToken=p2")), queryResult("DescribeStacks",
                CLOUDFORMATION_NS, "<Stacks>" + stack(NET, "CREATE_COMPLETE", null, "")
                        + stack(OLD, "ROLLBACK_COMPLETE", DEPLOY_ROLE, "") + "</Stacks>"));
        aws.stub(query("ListStackSets"), queryResult("ListStackSets", CLOUDFORMATION_NS, "<Summaries><member>"
                + "<StackSetName>baseline</StackSetName><Status>ACTIVE</Status></member><member><StackSetName>gone"
                + "</StackSetName><Status>ACTIVE</Status></member></Summaries><NextToken>s2</NextToken>"));
        aws.stub(query("ListStackSets").withRequestBody(containing("NextToken=s2")), queryResult("ListStackSets",
                CLOUDFORMATION_NS, "<Summaries><member><StackSetName>guardrails</StackSetName><Status>ACTIVE</Status>"
                        + "</member></Summaries>"));
        aws.stub(query("DescribeStackSet").withRequestBody(containing("StackSetName=baseline")),
                queryResult("DescribeStackSet", CLOUDFORMATION_NS, "<StackSet><StackSetName>baseline</StackSetName>"
                        + "<StackSetARN>" + BASELINE + "</StackSetARN><Status>ACTIVE</Status><AdministrationRoleARN>"
                        + ADMIN_ROLE + "</AdministrationRoleARN><ExecutionRoleName>AWSCloudFormationStackSetExecutionRole"
                        + "</ExecutionRoleName><PermissionModel>SELF_MANAGED</PermissionModel><Tags>"
                        + tag("owner", "platform") + "</Tags></StackSet>"));
        aws.stub(query("DescribeStackSet").withRequestBody(containing("StackSetName=guardrails")),
                queryResult("DescribeStackSet", CLOUDFORMATION_NS, "<StackSet><StackSetName>guardrails</StackSetName>"
                        + "<StackSetARN>" + GUARDRAILS + "</StackSetARN><Status>ACTIVE</Status><PermissionModel>"
                        + "SERVICE_MANAGED</PermissionModel></StackSet>"));
        aws.stub(query("DescribeStackSet").withRequestBody(containing("StackSetName=gone")),
                queryError(400, "StackSetNotFoundException", "StackSet gone not found"));
        aws.stub(query("ListStackInstances").withRequestBody(containing("StackSetName=baseline")),
                queryResult("ListStackInstances", CLOUDFORMATION_NS, "<Summaries>" + instance("111122223333")
                        + instance("444455556666") + "</Summaries><NextToken>i2</NextToken>"));
        aws.stub(query("ListStackInstances").withRequestBody(containing("StackSetName=baseline"))
                        .withRequestBody(containing("NextToken=i2")),
                queryResult("ListStackInstances", CLOUDFORMATION_NS, "<Summaries>" + instance("444455556666")
                        + instance("777788889999") + "</Summaries>"));
        aws.stub(query("ListStackInstances").withRequestBody(containing("StackSetName=guardrails")),
                queryResult("ListStackInstances", CLOUDFORMATION_NS, "<Summaries/>"));
    }

    private static String instance(String account) {
        return "<member><StackSetId>x</StackSetId><Region>us-east-1</Region><Account>" + account + "</Account>"
                + "<Status>CURRENT</Status></member>";
    }

    @Test
    void collectsStacksWithTheirRolesAndStackSetsWithTheirTargetsOverTwoPages() {
        stubStacksAndStackSets();
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps(), "a stack set deleted since the listing is no gap");
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(Set.of(APP, NET, OLD, BASELINE, GUARDRAILS), res.keySet());

        JsonNode app = res.get(APP);
        assertEquals("AWS::CloudFormation::Stack", app.get("type").asText());
        assertEquals("us-east-1", app.get("region").asText());
        assertEquals(DEPLOY_ROLE, app.get("roleArn").asText());
        assertTrue(app.get("policy").isNull(), "stacks have no resource-based policy: none, not unknown");
        assertEquals("payments", app.at("/tags/team").asText());
        assertEquals("UPDATE_COMPLETE", app.at("/properties/StackStatus").asText());
        assertEquals("app", app.at("/properties/StackName").asText());
        assertFalse(res.get(NET).has("roleArn"), "a stack without a service role");
        assertEquals(0, res.get(NET).get("tags").size(), "no tags: an empty object, not unknown");
        assertEquals("ROLLBACK_COMPLETE", res.get(OLD).at("/properties/StackStatus").asText());

        JsonNode baseline = res.get(BASELINE);
        assertEquals("AWS::CloudFormation::StackSet", baseline.get("type").asText());
        assertEquals(ADMIN_ROLE, baseline.get("roleArn").asText());
        assertEquals("SELF_MANAGED", baseline.at("/properties/PermissionModel").asText());
        assertEquals("AWSCloudFormationStackSetExecutionRole", baseline.at("/properties/ExecutionRoleName").asText());
        assertEquals("[\"111122223333\",\"444455556666\",\"777788889999\"]",
                baseline.at("/properties/StackInstanceAccounts").toString(), "every page, each account once");
        assertEquals("platform", baseline.at("/tags/owner").asText());
        JsonNode guardrails = res.get(GUARDRAILS);
        assertFalse(guardrails.has("roleArn"), "a service-managed stack set has no administration role");
        assertEquals("SERVICE_MANAGED", guardrails.at("/properties/PermissionModel").asText());
        assertEquals(0, guardrails.at("/properties/StackInstanceAccounts").size());

        assertEquals(2, aws.calls("cloudformation", "DescribeStacks"));
        assertEquals(2, aws.calls("cloudformation", "ListStackSets"));
        for (AwsStubs.Call c : aws.calls()) {
            assertTrue(AwsOperation.find(c.service(), c.operation()).isPresent(), "unregistered call " + c);
        }
    }

    @Test
    void whatTheCollectorWritesTheTechniquesRead(@TempDir Path dir) {
        stubStacksAndStackSets();
        Path file = dir.resolve("snapshot.json");
        SnapshotWriter.write(file, aws.collector(List.of("us-east-1")).run().snapshot());
        Map<String, Resource> byArn = SnapshotReader.read(List.of(file), null, null).snapshot().accounts().get(0)
                .resources().stream().collect(Collectors.toMap(Resource::arn, r -> r));
        assertEquals(DEPLOY_ROLE, byArn.get(APP).roleArn());
        assertEquals("UPDATE_COMPLETE", byArn.get(APP).properties().get("StackStatus"));
        assertNull(byArn.get(NET).roleArn());
        assertEquals(ADMIN_ROLE, byArn.get(BASELINE).roleArn());
        assertEquals(List.of("111122223333", "444455556666", "777788889999"),
                byArn.get(BASELINE).properties().get("StackInstanceAccounts"));
    }

    @Test
    void accessDeniedOnDescribeStacksIsAGapAndTheStackSetsAreStillCollected() {
        stubStacksAndStackSets();
        aws.stub(query("DescribeStacks"), queryError(403, "AccessDenied", "not allowed: cloudformation:DescribeStacks"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("cloudformation", "DescribeStacks", "us-east-1", null, "AccessDenied",
                "not allowed: cloudformation:DescribeStacks")), result.accounts().get(0).gaps());
        assertEquals(Set.of(BASELINE, GUARDRAILS), AwsStubs.resourcesByArn(AwsStubs.account(result)).keySet());
    }

    @Test
    void stackInstancesThatCannotBeListedAreUnknownNotNone() {
        stubStacksAndStackSets();
        aws.stub(query("ListStackInstances").withRequestBody(containing("StackSetName=baseline"))
                        .withRequestBody(containing("NextToken=i2")),
                queryError(403, "AccessDenied", "not allowed: cloudformation:ListStackInstances"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("cloudformation", "ListStackInstances", "us-east-1", BASELINE, "AccessDenied",
                "not allowed: cloudformation:ListStackInstances")), result.accounts().get(0).gaps());
        JsonNode baseline = AwsStubs.resourcesByArn(AwsStubs.account(result)).get(BASELINE);
        assertFalse(baseline.at("/properties").has("StackInstanceAccounts"), "a part would pass for the whole");
        assertEquals(ADMIN_ROLE, baseline.get("roleArn").asText(), "the stack set is still recorded");
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsAGap() {
        stubStacksAndStackSets();
        aws.stub(query("DescribeStackSet").withRequestBody(containing("StackSetName=baseline")),
                queryError(400, "Throttling", "Rate exceeded"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("cloudformation", "DescribeStackSet", "us-east-1", "baseline", "Throttling",
                "Rate exceeded")), result.accounts().get(0).gaps());
        assertTrue(aws.server.getAllServeEvents().stream().filter(e -> e.getRequest().getBodyAsString()
                .contains("Action=DescribeStackSet") && e.getRequest().getBodyAsString().contains("baseline"))
                .count() > 1, "retried before giving up");
        assertFalse(AwsStubs.resourcesByArn(AwsStubs.account(result)).containsKey(BASELINE));
    }
}
