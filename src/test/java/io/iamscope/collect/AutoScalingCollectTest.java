package io.iamscope.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.iamscope.collect.AwsStubs.AUTOSCALING_NS;
import static io.iamscope.collect.AwsStubs.EC2_NS;
import static io.iamscope.collect.AwsStubs.ec2Error;
import static io.iamscope.collect.AwsStubs.query;
import static io.iamscope.collect.AwsStubs.queryError;
import static io.iamscope.collect.AwsStubs.queryResult;
import static io.iamscope.collect.AwsStubs.xml;
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

/**
 * Auto Scaling groups and EC2 launch templates collected with the SDK, against a WireMock server answering like
 * EC2 Auto Scaling and EC2.
 */
class AutoScalingCollectTest {
    private static final String GROUP = "arn:aws:autoscaling:us-east-1:111122223333:autoScalingGroup:";
    private static final String WEB = GROUP + "6d4a1f3e-2b5c-4d6e-8f70-9a1b2c3d4e5f:autoScalingGroupName/web";
    private static final String BATCH = GROUP + "7e5b2a4f-3c6d-4e7f-9a81-0b1c2d3e4f5a:autoScalingGroupName/batch";
    private static final String LEGACY = GROUP + "8f6c3b5a-4d7e-4f80-8b92-1c2d3e4f5a6b:autoScalingGroupName/legacy";
    private static final String TEMPLATE = "arn:aws:ec2:us-east-1:111122223333:launch-template/";
    private static final String WEB_LT = TEMPLATE + "lt-0a1b2c3d4e5f67890";
    private static final String BATCH_LT = TEMPLATE + "lt-0b2c3d4e5f6a78901";
    private static final String WEB_PROFILE = "arn:aws:iam::111122223333:instance-profile/web";

    private final AwsStubs aws = new AwsStubs();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static String group(String arn, String launch, String tags) {
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        return "<member><AutoScalingGroupName>" + name + "</AutoScalingGroupName><AutoScalingGroupARN>" + arn
                + "</AutoScalingGroupARN>" + launch + "<MinSize>1</MinSize><MaxSize>4</MaxSize><DesiredCapacity>2"
                + "</DesiredCapacity><DefaultCooldown>300</DefaultCooldown><HealthCheckType>EC2</HealthCheckType>"
                + "<CreatedTime>2025-01-01T00:00:00Z</CreatedTime><ServiceLinkedRoleARN>arn:aws:iam::111122223333:role/"
                + "aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling</ServiceLinkedRoleARN>"
                + "<Tags>" + tags + "</Tags></member>";
    }

    private static String template(String id, String name, String tags) {
        return "<item><launchTemplateId>" + id + "</launchTemplateId><launchTemplateName>" + name
                + "</launchTemplateName><defaultVersionNumber>1</defaultVersionNumber><latestVersionNumber>3"
                + "</latestVersionNumber><tagSet>" + tags + "</tagSet></item>";
    }

    private static String templates(String items, String next) {
        return "<DescribeLaunchTemplatesResponse xmlns=\"" + EC2_NS + "\"><requestId>r</requestId><launchTemplates>"
                + items + "</launchTemplates>" + (next == null ? "" : "<nextToken>" + next + "</nextToken>")
                + "</DescribeLaunchTemplatesResponse>";
    }

    private static String versions(String id, String profile) {
        return "<DescribeLaunchTemplateVersionsResponse xmlns=\"" + EC2_NS + "\"><requestId>r</requestId>"
                + "<launchTemplateVersionSet><item><launchTemplateId>" + id + "</launchTemplateId><versionNumber>1"
                + "</versionNumber><defaultVersion>true</defaultVersion><launchTemplateData>" + profile
                + "<imageId>ami-0abc</imageId></launchTemplateData></item></launchTemplateVersionSet>"
                + "</DescribeLaunchTemplateVersionsResponse>";
    }

    /**
     * Two pages of groups: web (a template at $Latest, tagged), batch (a mixed instances policy at $Default),
     * legacy (a launch configuration); two pages of templates: web's (an instance profile), batch's (none).
     */
    private void stubGroupsAndTemplates() {
        aws.stub(query("DescribeAutoScalingGroups"), queryResult("DescribeAutoScalingGroups", AUTOSCALING_NS,
                "<AutoScalingGroups>" + group(WEB, "<LaunchTemplate><LaunchTemplateId>lt-0a1b2c3d4e5f67890"
                        + "</LaunchTemplateId><LaunchTemplateName>web</LaunchTemplateName><Version>$Latest</Version>"
                        + "</LaunchTemplate>", "<member><ResourceId>web</ResourceId><ResourceType>auto-scaling-group"
                        + "</ResourceType><Key>team</Key><Value>web</Value><PropagateAtLaunch>true</PropagateAtLaunch>"
                        + "</member>") + "</AutoScalingGroups><NextToken>g2</NextToken>"));
        aws.stub(query("DescribeAutoScalingGroups").withRequestBody(containing("NextToken=g2")),
                queryResult("DescribeAutoScalingGroups", AUTOSCALING_NS, "<AutoScalingGroups>"
                        + group(BATCH, "<MixedInstancesPolicy><LaunchTemplate><LaunchTemplateSpecification>"
                                + "<LaunchTemplateName>batch</LaunchTemplateName><Version>$Default</Version>"
                                + "</LaunchTemplateSpecification><Overrides><member><InstanceType>m5.large"
                                + "</InstanceType></member></Overrides></LaunchTemplate></MixedInstancesPolicy>", "")
                        + group(LEGACY, "<LaunchConfigurationName>legacy-lc</LaunchConfigurationName>", "")
                        + "</AutoScalingGroups>"));
        aws.stub(query("DescribeLaunchTemplates"), xml(templates(template("lt-0a1b2c3d4e5f67890", "web",
                "<item><key>team</key><value>web</value></item>"), "t2")));
        aws.stub(query("DescribeLaunchTemplates").withRequestBody(containing("NextToken=t2")),
                xml(templates(template("lt-0b2c3d4e5f6a78901", "batch", ""), null)));
        aws.stub(query("DescribeLaunchTemplateVersions").withRequestBody(containing("lt-0a1b2c3d4e5f67890")),
                xml(versions("lt-0a1b2c3d4e5f67890", "<iamInstanceProfile><arn>" + WEB_PROFILE
                        + "</arn></iamInstanceProfile>")));
        aws.stub(query("DescribeLaunchTemplateVersions").withRequestBody(containing("lt-0b2c3d4e5f6a78901")),
                xml(versions("lt-0b2c3d4e5f6a78901", "")));
    }

    @Test
    void collectsGroupsWithWhatTheyLaunchAndTemplatesWithTheirProfileOverTwoPages() {
        stubGroupsAndTemplates();
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps());
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(Set.of(WEB, BATCH, LEGACY, WEB_LT, BATCH_LT), res.keySet());

        JsonNode web = res.get(WEB);
        assertEquals("AWS::AutoScaling::AutoScalingGroup", web.get("type").asText());
        assertTrue(web.get("policy").isNull(), "groups have no resource-based policy");
        assertFalse(web.has("roleArn"));
        assertEquals("web", web.at("/tags/team").asText());
        assertEquals("lt-0a1b2c3d4e5f67890", web.at("/properties/LaunchTemplate/LaunchTemplateId").asText());
        assertEquals("$Latest", web.at("/properties/LaunchTemplate/Version").asText());
        assertEquals(4, web.at("/properties/MaxSize").asInt());
        JsonNode batch = res.get(BATCH);
        assertEquals("batch", batch.at("/properties/MixedInstancesPolicy/LaunchTemplate/LaunchTemplateSpecification"
                + "/LaunchTemplateName").asText(), "AWS's field names, as returned");
        assertEquals(0, batch.get("tags").size());
        assertEquals("legacy-lc", res.get(LEGACY).at("/properties/LaunchConfigurationName").asText());

        JsonNode webLt = res.get(WEB_LT);
        assertEquals("AWS::EC2::LaunchTemplate", webLt.get("type").asText());
        assertEquals("web", webLt.at("/properties/LaunchTemplateName").asText());
        assertEquals(WEB_PROFILE, webLt.at("/properties/IamInstanceProfile/Arn").asText());
        assertFalse(webLt.has("instanceProfileArn"), "an instance's field: a template launches nothing by itself");
        assertEquals("web", webLt.at("/tags/team").asText());
        assertFalse(res.get(BATCH_LT).at("/properties").has("IamInstanceProfile"), "a template without a profile");

        assertEquals(2, aws.calls("autoscaling", "DescribeAutoScalingGroups"));
        assertEquals(2, aws.calls("ec2", "DescribeLaunchTemplates"));
        for (AwsStubs.Call c : aws.calls()) {
            assertTrue(AwsOperation.find(c.service(), c.operation()).isPresent(), "unregistered call " + c);
        }
    }

    @Test
    void whatTheCollectorWritesTheTechniqueReads(@TempDir Path dir) {
        stubGroupsAndTemplates();
        Path file = dir.resolve("snapshot.json");
        SnapshotWriter.write(file, aws.collector(List.of("us-east-1")).run().snapshot());
        Map<String, Resource> byArn = SnapshotReader.read(List.of(file), null, null).snapshot().accounts().get(0)
                .resources().stream().collect(Collectors.toMap(Resource::arn, r -> r));
        // ec2-launch-template-new-version reads the group's specification and the template's name.
        Map<?, ?> spec = (Map<?, ?>) byArn.get(WEB).properties().get("LaunchTemplate");
        assertEquals("$Latest", spec.get("Version"));
        assertEquals(4, ((Number) byArn.get(WEB).properties().get("MaxSize")).intValue());
        assertEquals("batch", byArn.get(BATCH_LT).properties().get("LaunchTemplateName"));
        assertNull(byArn.get(WEB_LT).instanceProfileArn());
    }

    @Test
    void accessDeniedIsAGapForThatListingAndTheRestIsCollected() {
        stubGroupsAndTemplates();
        aws.stub(query("DescribeAutoScalingGroups"), queryError(403, "AccessDenied",
                "not allowed: autoscaling:DescribeAutoScalingGroups"));
        aws.stub(query("DescribeLaunchTemplateVersions").withRequestBody(containing("lt-0a1b2c3d4e5f67890")),
                ec2Error(403, "UnauthorizedOperation", "not allowed: ec2:DescribeLaunchTemplateVersions"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(
                new Gap("autoscaling", "DescribeAutoScalingGroups", "us-east-1", null, "AccessDenied",
                        "not allowed: autoscaling:DescribeAutoScalingGroups"),
                new Gap("ec2", "DescribeLaunchTemplateVersions", "us-east-1", WEB_LT, "UnauthorizedOperation",
                        "not allowed: ec2:DescribeLaunchTemplateVersions")), result.accounts().get(0).gaps());
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(Set.of(WEB_LT, BATCH_LT), res.keySet());
        assertFalse(res.get(WEB_LT).at("/properties").has("IamInstanceProfile"), "unknown: left out");
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsAGap() {
        stubGroupsAndTemplates();
        aws.stub(query("DescribeLaunchTemplates"), ec2Error(503, "RequestLimitExceeded", "Request limit exceeded."));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("ec2", "DescribeLaunchTemplates", "us-east-1", null, "RequestLimitExceeded",
                "Request limit exceeded.")), result.accounts().get(0).gaps());
        assertTrue(aws.calls("ec2", "DescribeLaunchTemplates") > 1, "retried before giving up");
        assertEquals(Set.of(WEB, BATCH, LEGACY), AwsStubs.resourcesByArn(AwsStubs.account(result)).keySet());
    }
}
