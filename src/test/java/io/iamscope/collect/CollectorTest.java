package io.iamscope.collect;

import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Paging;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.iamscope.collect.AwsStubs.iam;
import static io.iamscope.collect.AwsStubs.json;
import static io.iamscope.collect.AwsStubs.jsonError;
import static io.iamscope.collect.AwsStubs.ok;
import static io.iamscope.collect.AwsStubs.query;
import static io.iamscope.collect.AwsStubs.queryError;
import static io.iamscope.collect.AwsStubs.queryResult;
import static io.iamscope.collect.AwsStubs.s3;
import static io.iamscope.collect.AwsStubs.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.iamscope.model.Gap;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real SDK against a WireMock server answering like AWS. */
class CollectorTest {
    private static final String ENCODED_DOC = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B"
            + "%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3A*%22%2C%22Resource%22%3A%22*%22%7D%5D%7D";
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    private static final String POLICY_XML = "{&quot;Version&quot;:&quot;2012-10-17&quot;,&quot;Statement&quot;:[]}";
    private static final String POLICY_JSON = "\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\"";

    private final AwsStubs aws = new AwsStubs();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static Map<String, JsonNode> resourcesByType(JsonNode account) {
        return StreamSupport.stream(account.get("resources").spliterator(), false)
                .collect(Collectors.toMap(n -> n.get("type").asText(), Function.identity(), (a, b) -> a));
    }

    private void stubFullAccount() {
        aws.stub(query("GetAccountAuthorizationDetails"), iam("GetAccountAuthorizationDetails",
                "<IsTruncated>true</IsTruncated><Marker>m1</Marker><UserDetailList><member><UserName>alice</UserName>"
                        + "<UserId>AIDAALICE</UserId><Arn>arn:aws:iam::111122223333:user/alice</Arn><Path>/</Path>"
                        + "<CreateDate>2025-01-01T00:00:00Z</CreateDate><UserPolicyList><member><PolicyName>inline"
                        + "</PolicyName><PolicyDocument>" + ENCODED_DOC + "</PolicyDocument></member></UserPolicyList>"
                        + "<GroupList><member>admins</member></GroupList></member></UserDetailList><GroupDetailList/>"
                        + "<RoleDetailList/><Policies/>"));
        aws.stub(query("GetAccountAuthorizationDetails").withRequestBody(containing("Marker=m1")),
                iam("GetAccountAuthorizationDetails", "<IsTruncated>false</IsTruncated><UserDetailList/>"
                        + "<GroupDetailList/><RoleDetailList><member><RoleName>fn</RoleName><RoleId>AROAFN</RoleId>"
                        + "<Arn>arn:aws:iam::111122223333:role/fn</Arn><Path>/</Path>"
                        + "<AssumeRolePolicyDocument>" + ENCODED_DOC + "</AssumeRolePolicyDocument>"
                        + "<CreateDate>2025-01-01T00:00:00Z</CreateDate></member></RoleDetailList><Policies><member>"
                        + "<PolicyName>p</PolicyName><Arn>arn:aws:iam::111122223333:policy/p</Arn>"
                        + "<DefaultVersionId>v1</DefaultVersionId><PolicyVersionList><member><Document>" + ENCODED_DOC
                        + "</Document><VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion></member>"
                        + "</PolicyVersionList></member></Policies>"));
        aws.stub(query("ListUsers"), iam("ListUsers", "<Users><member><UserName>alice</UserName><UserId>AIDAALICE"
                + "</UserId><Arn>arn:aws:iam::111122223333:user/alice</Arn><Path>/</Path><CreateDate>"
                + "2025-01-01T00:00:00Z</CreateDate></member></Users><IsTruncated>false</IsTruncated>"));
        aws.stub(query("ListAccessKeys"), iam("ListAccessKeys", "<AccessKeyMetadata><member><UserName>alice"
                + "</UserName><AccessKeyId>AKIAALICE</AccessKeyId><Status>Active</Status><CreateDate>"
                + "2025-01-01T00:00:00Z</CreateDate></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>"));
        aws.stub(query("GetAccessKeyLastUsed"), iam("GetAccessKeyLastUsed", "<UserName>alice</UserName>"
                + "<AccessKeyLastUsed><LastUsedDate>2026-11-01T00:00:00Z</LastUsedDate><ServiceName>s3"
                + "</ServiceName><Region>us-east-1</Region></AccessKeyLastUsed>"));
        aws.stub(query("ListOpenIDConnectProviders"), iam("ListOpenIDConnectProviders", "<OpenIDConnectProviderList>"
                + "<member><Arn>arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com</Arn>"
                + "</member></OpenIDConnectProviderList>"));
        aws.stub(query("ListAccountAliases"), iam("ListAccountAliases",
                "<AccountAliases><member>prod</member></AccountAliases><IsTruncated>false</IsTruncated>"));

        aws.stub(get(urlMatching("/(\\?.*)?")), xml("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/"
                + "2006-03-01/\"><Owner><ID>o</ID></Owner><Buckets><Bucket><Name>data</Name><CreationDate>"
                + "2025-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>"));
        aws.stub(s3("data", "location"), xml("<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "eu-west-1</LocationConstraint>"));
        aws.stub(s3("data", "policy"), aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(POLICY));
        aws.stub(s3("data", "publicAccessBlock"), xml("<PublicAccessBlockConfiguration xmlns=\"http://s3.amazonaws"
                + ".com/doc/2006-03-01/\"><BlockPublicAcls>true</BlockPublicAcls><BlockPublicPolicy>true"
                + "</BlockPublicPolicy></PublicAccessBlockConfiguration>"));

        String key = "arn:aws:kms:us-east-1:111122223333:key/k1";
        aws.stub(json("TrentService.ListKeys"), ok("{\"Keys\":[{\"KeyId\":\"k1\",\"KeyArn\":\"" + key + "\"}],"
                + "\"Truncated\":false}"));
        aws.stub(json("TrentService.DescribeKey"), ok("{\"KeyMetadata\":{\"KeyId\":\"k1\",\"Arn\":\"" + key
                + "\",\"KeyManager\":\"CUSTOMER\",\"KeyState\":\"Enabled\"}}"));
        aws.stub(json("TrentService.GetKeyPolicy"), ok("{\"Policy\":" + POLICY_JSON + ",\"PolicyName\":\"default\"}"));

        aws.stub(json("AmazonSQS.ListQueues"), ok("{\"QueueUrls\":[\"https://sqs.us-east-1.amazonaws.com/"
                + "111122223333/jobs\"]}"));
        aws.stub(json("AmazonSQS.GetQueueAttributes"), ok("{\"Attributes\":{\"Policy\":" + POLICY_JSON
                + ",\"QueueArn\":\"arn:aws:sqs:us-east-1:111122223333:jobs\"}}"));

        aws.stub(query("ListTopics"), queryResult("ListTopics", "http://sns.amazonaws.com/doc/2010-03-31/",
                "<Topics><member><TopicArn>arn:aws:sns:us-east-1:111122223333:alerts</TopicArn></member></Topics>"));
        aws.stub(query("GetTopicAttributes"), queryResult("GetTopicAttributes", "http://sns.amazonaws.com/doc/"
                + "2010-03-31/", "<Attributes><entry><key>Policy</key><value>" + POLICY_XML + "</value></entry>"
                + "</Attributes>"));

        aws.stub(get(urlMatching("/2015-03-31/functions/?(\\?.*)?")), ok("{\"Functions\":[{\"FunctionName\":\"f\","
                + "\"FunctionArn\":\"arn:aws:lambda:us-east-1:111122223333:function:f\","
                + "\"Role\":\"arn:aws:iam::111122223333:role/fn\"}]}"));
        aws.stub(get(urlMatching("/2015-03-31/functions/.*/policy.*")), aResponse().withStatus(404)
                .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Type\":\"User\",\"Message\":\"no policy\"}"));

        aws.stub(json("secretsmanager.ListSecrets"), ok("{\"SecretList\":[{\"ARN\":\"arn:aws:secretsmanager:"
                + "us-east-1:111122223333:secret:db-AbCdEf\",\"Name\":\"db\",\"Tags\":[{\"Key\":\"team\","
                + "\"Value\":\"data\"}]}]}"));
        aws.stub(json("secretsmanager.GetResourcePolicy"), ok("{\"Name\":\"db\",\"ResourcePolicy\":" + POLICY_JSON
                + "}"));

        aws.stub(json("AmazonEC2ContainerRegistry_V20150921.DescribeRepositories"), ok("{\"repositories\":[{"
                + "\"repositoryArn\":\"arn:aws:ecr:us-east-1:111122223333:repository/app\",\"repositoryName\":"
                + "\"app\",\"registryId\":\"111122223333\"}]}"));
        aws.stub(json("AmazonEC2ContainerRegistry_V20150921.GetRepositoryPolicy"),
                jsonError(400, "RepositoryPolicyNotFoundException", "no policy"));

        aws.stub(query("DescribeInstances"), xml("<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/"
                + "2016-11-15/\"><requestId>r</requestId><reservationSet><item><reservationId>r-1</reservationId>"
                + "<ownerId>111122223333</ownerId><instancesSet><item><instanceId>i-1</instanceId>"
                + "<iamInstanceProfile><arn>arn:aws:iam::111122223333:instance-profile/web</arn><id>AIPA</id>"
                + "</iamInstanceProfile><instanceState><code>16</code><name>running</name></instanceState>"
                + "<tagSet><item><key>team</key><value>web</value></item></tagSet></item></instancesSet></item>"
                + "</reservationSet></DescribeInstancesResponse>"));
    }

    @Test
    void collectsAFullAccountInAwsShape() {
        stubFullAccount();
        CollectResult result = aws.collector(List.of()).run();
        JsonNode snap = result.snapshot();
        assertEquals("iamscope-snapshot", snap.get("format").asText());
        assertEquals(1, snap.get("version").asInt());
        assertEquals(AwsStubs.ACCOUNT, snap.at("/collectedBy/Account").asText());
        assertEquals(AwsStubs.CALLER_ARN, snap.at("/collectedBy/Arn").asText());

        JsonNode account = AwsStubs.account(result);
        assertEquals(List.of(), result.accounts().get(0).gaps());
        assertEquals("prod", account.get("alias").asText());
        JsonNode details = account.get("authorizationDetails");
        // Both pages merged, documents kept URL-encoded as the API returned them.
        assertEquals("alice", details.at("/UserDetailList/0/UserName").asText());
        assertEquals(ENCODED_DOC, details.at("/UserDetailList/0/UserPolicyList/0/PolicyDocument").asText());
        assertEquals("admins", details.at("/UserDetailList/0/GroupList/0").asText());
        assertEquals(ENCODED_DOC, details.at("/RoleDetailList/0/AssumeRolePolicyDocument").asText());
        assertTrue(details.at("/Policies/0/PolicyVersionList/0/IsDefaultVersion").asBoolean());
        assertEquals(0, details.get("GroupDetailList").size());

        assertEquals("AKIAALICE", account.at("/accessKeys/0/AccessKeyId").asText());
        assertEquals("alice", account.at("/accessKeys/0/UserName").asText());
        assertEquals("2026-11-01T00:00:00Z", account.at("/accessKeys/0/LastUsedDate").asText());
        assertEquals("s3", account.at("/accessKeys/0/LastUsedService").asText());
        assertEquals("OIDC", account.at("/identityProviders/0/Type").asText());

        Map<String, JsonNode> res = resourcesByType(account);
        JsonNode bucket = res.get("AWS::S3::Bucket");
        assertEquals("arn:aws:s3:::data", bucket.get("arn").asText());
        assertEquals("eu-west-1", bucket.get("region").asText());
        assertEquals(POLICY, bucket.get("policy").asText());
        assertTrue(bucket.at("/properties/PublicAccessBlock/BlockPublicPolicy").asBoolean());
        assertEquals("CUSTOMER", res.get("AWS::KMS::Key").at("/properties/KeyManager").asText());
        assertEquals(POLICY, res.get("AWS::KMS::Key").get("policy").asText());
        assertEquals("arn:aws:sqs:us-east-1:111122223333:jobs", res.get("AWS::SQS::Queue").get("arn").asText());
        assertEquals(POLICY, res.get("AWS::SNS::Topic").get("policy").asText());
        JsonNode fn = res.get("AWS::Lambda::Function");
        assertTrue(fn.get("policy").isNull(), "no policy is null, not a gap");
        assertEquals("arn:aws:iam::111122223333:role/fn", fn.get("roleArn").asText());
        assertEquals("data", res.get("AWS::SecretsManager::Secret").at("/tags/team").asText());
        assertTrue(res.get("AWS::ECR::Repository").get("policy").isNull());
        JsonNode instance = res.get("AWS::EC2::Instance");
        assertEquals("arn:aws:ec2:us-east-1:111122223333:instance/i-1", instance.get("arn").asText());
        assertEquals("arn:aws:iam::111122223333:instance-profile/web", instance.get("instanceProfileArn").asText());
        assertTrue(instance.get("tags").isObject(), "DescribeInstances returns tags: recorded, even none");
        // Every resource's tags are read; the default stubs answer none, each in its service's way (S3's
        // NoSuchTagSet, SQS's missing map, empty lists): an empty object, not unknown.
        for (JsonNode r : account.get("resources")) {
            assertTrue(r.path("tags").isObject(), "tags read: " + r);
        }
        assertEquals(0, bucket.get("tags").size(), "NoSuchTagSet is no tags");
        assertEquals(0, res.get("AWS::SQS::Queue").get("tags").size());
        assertEquals(0, fn.get("tags").size());
        assertEquals(8, account.get("resources").size());
    }

    @Test
    void whatTheCollectorWritesTheReaderReads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        stubFullAccount();
        java.nio.file.Path file = dir.resolve("snapshot.json");
        io.iamscope.model.io.SnapshotWriter.write(file, aws.collector(List.of()).run().snapshot());
        var read = io.iamscope.model.io.SnapshotReader.read(List.of(file), null, null);
        var acct = read.snapshot().accounts().get(0);
        assertEquals(AwsStubs.ACCOUNT, acct.accountId());
        assertEquals("alice", acct.users().get(0).name());
        assertEquals(8, acct.resources().size());
        // URL-encoded documents as the API returned them are decoded by the reader.
        assertEquals(1, acct.users().get(0).inlinePolicies().size());
        assertTrue(read.summary().get(0).contains("iamscope snapshot v1"), read.summary().toString());
    }

    @Test
    void aGapReadsBackAsTheGapTheCollectorRecorded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        aws.stub(json("secretsmanager.ListSecrets"), jsonError(400, "AccessDeniedException", "no secrets for you"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        java.nio.file.Path file = dir.resolve("snapshot.json");
        io.iamscope.model.io.SnapshotWriter.write(file, result.snapshot());
        var read = io.iamscope.model.io.SnapshotReader.read(List.of(file), null, null);
        List<Gap> recorded = result.accounts().get(0).gaps();
        assertEquals(List.of(new Gap("secretsmanager", "ListSecrets", "us-east-1", null, "AccessDeniedException",
                "no secrets for you")), recorded);
        assertEquals(recorded, read.snapshot().accounts().get(0).gaps());
    }

    private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    private static final String CLUSTER = "arn:aws:ecs:us-east-1:111122223333:cluster/prod";
    private static final String WEB_TASK = "arn:aws:ecs:us-east-1:111122223333:task/prod/aaa";
    private static final String BATCH_TASK = "arn:aws:ecs:us-east-1:111122223333:task/prod/bbb";
    private static final String WEB_DEF = "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3";
    private static final String BATCH_DEF = "arn:aws:ecs:us-east-1:111122223333:task-definition/batch:1";
    private static final String WEB_ROLE = "arn:aws:iam::111122223333:role/web-task";

    private static String task(String arn, String definition, boolean exec, String tags) {
        return "{\"taskArn\":\"" + arn + "\",\"clusterArn\":\"" + CLUSTER + "\",\"taskDefinitionArn\":\"" + definition
                + "\",\"enableExecuteCommand\":" + exec + ",\"lastStatus\":\"RUNNING\",\"desiredStatus\":\"RUNNING\","
                + "\"tags\":[" + tags + "]}";
    }

    /** One cluster with two running tasks; the requests must ask for running tasks and for their tags. */
    private void stubEcsCluster(String webDefinition, String batchDefinition) {
        aws.stub(json(ECS + "ListClusters"), ok("{\"clusterArns\":[\"" + CLUSTER + "\"]}"));
        aws.stub(json(ECS + "ListTasks").withRequestBody(matchingJsonPath("$.cluster", equalTo(CLUSTER)))
                .withRequestBody(matchingJsonPath("$.desiredStatus", equalTo("RUNNING"))),
                ok("{\"taskArns\":[\"" + WEB_TASK + "\",\"" + BATCH_TASK + "\"]}"));
        aws.stub(json(ECS + "DescribeTasks").withRequestBody(matchingJsonPath("$.include[0]", equalTo("TAGS"))),
                ok("{\"tasks\":[" + task(WEB_TASK, webDefinition, true, "{\"key\":\"team\",\"value\":\"web\"}")
                        + "," + task(BATCH_TASK, batchDefinition, false, "") + "],\"failures\":[]}"));
        aws.stub(json(ECS + "DescribeTaskDefinition").withRequestBody(matchingJsonPath("$.taskDefinition",
                equalTo(WEB_DEF))), ok("{\"taskDefinition\":{\"taskDefinitionArn\":\"" + WEB_DEF
                        + "\",\"taskRoleArn\":\"" + WEB_ROLE + "\"}}"));
        aws.stub(json(ECS + "DescribeTaskDefinition").withRequestBody(matchingJsonPath("$.taskDefinition",
                equalTo(BATCH_DEF))), ok("{\"taskDefinition\":{\"taskDefinitionArn\":\"" + BATCH_DEF + "\"}}"));
    }

    /** The sizes of the lists each ECS request of an operation carried in {@code field}, smallest first. */
    private List<Integer> ecsBatchSizes(String operation, String field) throws IOException {
        List<Integer> batches = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (var event : aws.server.getAllServeEvents()) {
            if ((ECS + operation).equals(event.getRequest().getHeader("X-Amz-Target"))) {
                batches.add(mapper.readTree(event.getRequest().getBodyAsString()).get(field).size());
            }
        }
        batches.sort(null);
        return batches;
    }

    private long ecsCalls(String operation) {
        return aws.calls().stream().filter(c -> c.service().equals("ecs") && c.operation().equals(operation))
                .count();
    }

    @Test
    void collectsRunningEcsTasksWithTheirTaskRoles() {
        stubEcsCluster(WEB_DEF, BATCH_DEF);
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps());
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(2, res.size(), res.toString());

        JsonNode web = res.get(WEB_TASK);
        assertEquals("AWS::ECS::Task", web.get("type").asText());
        assertEquals("us-east-1", web.get("region").asText());
        assertTrue(web.get("policy").isNull(), "a task has no resource policy: null, not unknown");
        assertEquals(WEB_ROLE, web.get("roleArn").asText());
        assertEquals("web", web.at("/tags/team").asText());
        JsonNode props = web.get("properties");
        assertEquals(CLUSTER, props.get("clusterArn").asText());
        assertEquals(WEB_DEF, props.get("taskDefinitionArn").asText());
        assertTrue(props.get("enableExecuteCommand").isBoolean());
        assertTrue(props.get("enableExecuteCommand").booleanValue());
        assertEquals("RUNNING", props.get("lastStatus").asText());

        JsonNode batch = res.get(BATCH_TASK);
        assertEquals("AWS::ECS::Task", batch.get("type").asText());
        assertFalse(batch.has("roleArn"), "a task definition without a task role gives no roleArn");
        assertTrue(batch.get("policy").isNull());
        assertFalse(batch.at("/properties/enableExecuteCommand").booleanValue());
        assertTrue(batch.at("/properties/enableExecuteCommand").isBoolean());
        assertEquals(BATCH_DEF, batch.at("/properties/taskDefinitionArn").asText());
        assertEquals(0, batch.get("tags").size(), "described with its tags, none: an empty object, not unknown");
        assertEquals(2, ecsCalls("DescribeTaskDefinition"));
    }

    @Test
    void deniedTaskDefinitionKeepsTheTasksWithoutRoleAndIsAGap() {
        // Both tasks run the same definition: it is asked for once, and its gap is recorded once.
        stubEcsCluster(WEB_DEF, WEB_DEF);
        aws.stub(json(ECS + "DescribeTaskDefinition"), jsonError(400, "AccessDeniedException",
                "not allowed: ecs:DescribeTaskDefinition"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("ecs", "DescribeTaskDefinition", "us-east-1", WEB_DEF, "AccessDeniedException",
                "not allowed: ecs:DescribeTaskDefinition")), result.accounts().get(0).gaps());
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(2, res.size(), res.toString());
        for (JsonNode task : res.values()) {
            assertEquals("AWS::ECS::Task", task.get("type").asText());
            assertFalse(task.has("roleArn"), task.toString());
            assertEquals(WEB_DEF, task.at("/properties/taskDefinitionArn").asText());
        }
        assertEquals(1, ecsCalls("DescribeTaskDefinition"));
    }

    @Test
    void ecsTasksAreDescribedAtMostAHundredAtATime() throws IOException {
        List<String> arns = IntStream.range(0, 101).mapToObj(i -> "\"" + CLUSTER.replace(":cluster/", ":task/") + "/t"
                + i + "\"").toList();
        aws.stub(json(ECS + "ListClusters"), ok("{\"clusterArns\":[\"" + CLUSTER + "\"]}"));
        aws.stub(json(ECS + "ListTasks"), ok("{\"taskArns\":[" + String.join(",", arns.subList(0, 60))
                + "],\"nextToken\":\"p2\"}"));
        aws.stub(json(ECS + "ListTasks").withRequestBody(matchingJsonPath("$.nextToken", equalTo("p2"))),
                ok("{\"taskArns\":[" + String.join(",", arns.subList(60, 101)) + "]}"));
        aws.stub(json(ECS + "DescribeTasks"), ok("{\"tasks\":[],\"failures\":[]}"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps());
        assertEquals(List.of(1, 100), ecsBatchSizes("DescribeTasks", "tasks"));
    }

    private static final String WEB_SERVICE = "arn:aws:ecs:us-east-1:111122223333:service/prod/web";
    private static final String BATCH_SERVICE = "arn:aws:ecs:us-east-1:111122223333:service/prod/batch";

    private static String service(String arn, String definition, String tags) {
        return "{\"serviceArn\":\"" + arn + "\",\"clusterArn\":\"" + CLUSTER + "\",\"taskDefinition\":\""
                + definition + "\",\"status\":\"ACTIVE\",\"tags\":[" + tags + "]}";
    }

    @Test
    void collectsEcsServicesWithTheTaskRoleOfTheirDefinition() {
        stubEcsCluster(WEB_DEF, BATCH_DEF);
        aws.stub(json(ECS + "ListServices").withRequestBody(matchingJsonPath("$.cluster", equalTo(CLUSTER))),
                ok("{\"serviceArns\":[\"" + WEB_SERVICE + "\",\"" + BATCH_SERVICE + "\"]}"));
        aws.stub(json(ECS + "DescribeServices").withRequestBody(matchingJsonPath("$.include[0]", equalTo("TAGS"))),
                ok("{\"services\":[" + service(WEB_SERVICE, WEB_DEF, "{\"key\":\"team\",\"value\":\"web\"}") + ","
                        + service(BATCH_SERVICE, BATCH_DEF, "") + "],\"failures\":[{\"arn\":\"" + CLUSTER
                        + "/gone\",\"reason\":\"MISSING\"}]}"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps());
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals(4, res.size(), res.toString());
        JsonNode web = res.get(WEB_SERVICE);
        assertEquals("AWS::ECS::Service", web.get("type").asText());
        assertTrue(web.get("policy").isNull(), "a service has no resource policy: null, not unknown");
        assertEquals(WEB_ROLE, web.get("roleArn").asText());
        assertEquals("web", web.at("/tags/team").asText());
        assertEquals(CLUSTER, web.at("/properties/clusterArn").asText());
        assertEquals(WEB_DEF, web.at("/properties/taskDefinitionArn").asText());
        assertEquals("ACTIVE", web.at("/properties/status").asText());
        assertFalse(res.get(BATCH_SERVICE).has("roleArn"), "its definition has no task role");
        // The tasks' definitions were read already: the services' are not asked for again.
        assertEquals(2, ecsCalls("DescribeTaskDefinition"));
    }

    @Test
    void collectsTheActiveContainerInstancesOfEachCluster() throws IOException {
        String instance = CLUSTER.replace(":cluster/", ":container-instance/") + "/0123456789abcdef";
        stubEcsCluster(WEB_DEF, BATCH_DEF);
        aws.stub(json(ECS + "ListContainerInstances").withRequestBody(matchingJsonPath("$.cluster", equalTo(CLUSTER))),
                ok("{\"containerInstanceArns\":[\"" + instance + "\"]}"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps());
        JsonNode record = AwsStubs.resourcesByArn(AwsStubs.account(result)).get(instance);
        assertEquals("AWS::ECS::ContainerInstance", record.get("type").asText());
        assertEquals(CLUSTER, record.at("/properties/clusterArn").asText());
        assertTrue(record.get("policy").isNull(), "a container instance has no resource policy: null, not unknown");
        assertFalse(record.has("tags"), "its tags are not read: unknown");
        // Only active instances take new tasks.
        assertEquals(List.of("ACTIVE"), ecsRequests("ListContainerInstances", "status"));
    }

    /** The values of a field of each ECS request of an operation, in the order they were sent. */
    private List<String> ecsRequests(String operation, String field) throws IOException {
        List<String> out = new ArrayList<>();
        for (var event : aws.server.getAllServeEvents()) {
            if ((ECS + operation).equals(event.getRequest().getHeader("X-Amz-Target"))) {
                out.add(new ObjectMapper().readTree(event.getRequest().getBodyAsString()).path(field).asText());
            }
        }
        return out;
    }

    @Test
    void ecsServicesAreDescribedAtMostTenAtATimeAndADeniedListingIsAGap() throws IOException {
        List<String> arns = IntStream.range(0, 11).mapToObj(i -> "\"" + CLUSTER.replace(":cluster/", ":service/")
                + "/s" + i + "\"").toList();
        aws.stub(json(ECS + "ListClusters"), ok("{\"clusterArns\":[\"" + CLUSTER + "\",\"" + CLUSTER + "-b\"]}"));
        aws.stub(json(ECS + "ListTasks"), ok("{\"taskArns\":[]}"));
        aws.stub(json(ECS + "ListServices").withRequestBody(matchingJsonPath("$.cluster", equalTo(CLUSTER))),
                ok("{\"serviceArns\":[" + String.join(",", arns) + "]}"));
        aws.stub(json(ECS + "ListServices").withRequestBody(matchingJsonPath("$.cluster", equalTo(CLUSTER + "-b"))),
                jsonError(400, "AccessDeniedException", "not allowed: ecs:ListServices"));
        aws.stub(json(ECS + "DescribeServices"), ok("{\"services\":[],\"failures\":[]}"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("ecs", "ListServices", "us-east-1", CLUSTER + "-b", "AccessDeniedException",
                "not allowed: ecs:ListServices")), result.accounts().get(0).gaps());
        assertEquals(List.of(1, 10), ecsBatchSizes("DescribeServices", "services"));
    }

    @Test
    void everyRequestIsARegisteredOperation() {
        stubFullAccount();
        stubEcsCluster(WEB_DEF, BATCH_DEF);
        aws.collector(List.of()).run();
        List<AwsStubs.Call> calls = aws.calls();
        assertFalse(calls.isEmpty());
        for (AwsStubs.Call c : calls) {
            assertTrue(AwsOperation.find(c.service(), c.operation()).isPresent(), "unregistered call " + c);
        }
    }

    @Test
    void emptyAccountUsesTheEnabledRegionsAndHasNoGaps() {
        CollectResult result = aws.collector(List.of()).run();
        JsonNode account = AwsStubs.account(result);
        assertEquals(AwsStubs.ACCOUNT, account.get("accountId").asText());
        assertEquals(0, account.get("resources").size());
        assertEquals(0, account.at("/authorizationDetails/UserDetailList").size());
        assertEquals(0, account.get("accessKeys").size());
        assertEquals(0, account.get("gaps").size());
        assertFalse(account.has("alias"));
        assertTrue(aws.calls().stream().anyMatch(c -> c.operation().equals("DescribeRegions")));
    }

    @Test
    void accessDeniedOnOneServiceIsAGapAndCollectionGoesOn() {
        aws.stub(json("TrentService.ListKeys"), jsonError(400, "AccessDeniedException", "not allowed: kms:ListKeys"));
        aws.stub(json("AmazonSQS.ListQueues"), ok("{\"QueueUrls\":[\"https://sqs.us-east-1.amazonaws.com/"
                + "111122223333/jobs\"]}"));
        aws.stub(json("AmazonSQS.GetQueueAttributes"), ok("{\"Attributes\":{}}"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        List<Gap> gaps = result.accounts().get(0).gaps();
        assertEquals(List.of(new Gap("kms", "ListKeys", "us-east-1", null, "AccessDeniedException",
                "not allowed: kms:ListKeys")), gaps);
        JsonNode gap = AwsStubs.account(result).at("/gaps/0");
        assertEquals("AccessDeniedException", gap.get("errorCode").asText());
        assertEquals(1, AwsStubs.account(result).get("resources").size());
        assertTrue(AwsStubs.account(result).at("/resources/0/policy").isNull());
        assertTrue(GapReport.lines(result).get(0).contains("kms:ListKeys AccessDeniedException: 1 call in us-east-1"));
    }

    @Test
    void throttlingIsRetriedThenSucceeds() {
        aws.stub(query("ListUsers").inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("calm"), queryError(400, "Throttling", "Rate exceeded"));
        aws.stub(query("ListUsers").inScenario("throttle").whenScenarioStateIs("calm"), iam("ListUsers",
                "<Users><member><UserName>bob</UserName><UserId>AIDABOB</UserId><Arn>arn:aws:iam::111122223333:"
                        + "user/bob</Arn><Path>/</Path><CreateDate>2025-01-01T00:00:00Z</CreateDate></member></Users>"
                        + "<IsTruncated>false</IsTruncated>"));
        aws.stub(query("ListAccessKeys"), iam("ListAccessKeys", "<AccessKeyMetadata/><IsTruncated>false"
                + "</IsTruncated>"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps());
        assertEquals(2, aws.calls().stream().filter(c -> c.operation().equals("ListUsers")).count());
        assertEquals(1, aws.calls().stream().filter(c -> c.operation().equals("ListAccessKeys")).count());
    }

    @Test
    void malformedResponseIsAGapNotACrash() {
        aws.stub(query("ListTopics"), xml("<ListTopicsResponse><ListTopicsResult><Topics><member>"));
        aws.stub(json("secretsmanager.ListSecrets"), ok("{\"SecretList\": [ {"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        List<Gap> gaps = result.accounts().get(0).gaps();
        assertEquals(2, gaps.size(), gaps.toString());
        assertTrue(gaps.stream().allMatch(g -> g.errorCode().equals("MALFORMED_RESPONSE")), gaps.toString());
    }

    @Test
    void truncatedPageWithoutMarkerStopsWithAGap() {
        aws.stub(query("ListUsers"), iam("ListUsers", "<Users><member><UserName>bob</UserName><UserId>AIDABOB"
                + "</UserId><Arn>arn:aws:iam::111122223333:user/bob</Arn><Path>/</Path><CreateDate>"
                + "2025-01-01T00:00:00Z</CreateDate></member></Users><IsTruncated>true</IsTruncated>"));
        aws.stub(query("ListAccessKeys"), iam("ListAccessKeys", "<AccessKeyMetadata/><IsTruncated>false"
                + "</IsTruncated>"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        List<Gap> gaps = result.accounts().get(0).gaps();
        assertEquals(1, gaps.size(), gaps.toString());
        assertEquals(Paging.TRUNCATED_PAGE, gaps.get(0).errorCode());
        assertEquals("ListUsers", gaps.get(0).operation());
        assertEquals(1, aws.calls().stream().filter(c -> c.operation().equals("ListAccessKeys")).count(),
                "the users of the truncated page are still collected");
    }

    @Test
    void rejectedCredentialsStopEverything() {
        aws.stub(query("GetCallerIdentity"), queryError(403, "InvalidClientTokenId",
                "The security token included in the request is invalid."));
        CollectException e = assertThrows(CollectException.class, () -> aws.collector(List.of()).run());
        assertEquals("InvalidClientTokenId", e.code());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void unreachableEndpointStopsEverything() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CollectOptions options = new CollectOptions(null, "us-east-1", URI.create("http://localhost:" + port), false,
                null, List.of("us-east-1"), 1);
        CollectException e = assertThrows(CollectException.class, () -> aws.collector(options).run());
        assertEquals("UNREACHABLE", e.code());
        assertTrue(e.getMessage().startsWith("cannot reach aws at `http://localhost:" + port + "`"), e.getMessage());
    }
}
