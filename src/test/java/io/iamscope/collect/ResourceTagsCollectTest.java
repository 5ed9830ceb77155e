package io.iamscope.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.iamscope.collect.AwsStubs.json;
import static io.iamscope.collect.AwsStubs.jsonError;
import static io.iamscope.collect.AwsStubs.ok;
import static io.iamscope.collect.AwsStubs.query;
import static io.iamscope.collect.AwsStubs.queryError;
import static io.iamscope.collect.AwsStubs.queryResult;
import static io.iamscope.collect.AwsStubs.s3;
import static io.iamscope.collect.AwsStubs.s3Error;
import static io.iamscope.collect.AwsStubs.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.Gap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tags of S3 buckets, KMS keys, SQS queues, SNS topics, Lambda functions and ECR repositories, read with one
 * call per resource: recorded as returned, {@code {}} for none, and left out (unknown) with a gap when the call
 * fails.
 */
class ResourceTagsCollectTest {
    private static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String SNS_NS = "http://sns.amazonaws.com/doc/2010-03-31/";
    private static final String BUCKET = "arn:aws:s3:::data";
    private static final String UNTAGGED_BUCKET = "arn:aws:s3:::logs";
    private static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/k1";
    private static final String QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/111122223333/jobs";
    private static final String QUEUE = "arn:aws:sqs:us-east-1:111122223333:jobs";
    private static final String TOPIC = "arn:aws:sns:us-east-1:111122223333:alerts";
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:111122223333:function:f";
    private static final String REPO = "arn:aws:ecr:us-east-1:111122223333:repository/app";
    private static final String ECR = "AmazonEC2ContainerRegistry_V20150921.";

    private final AwsStubs aws = new AwsStubs();

    @AfterEach
    void stop() {
        aws.close();
    }

    /** One resource of each of the six services, each with one tag, and a second bucket without tags. */
    private void stubTaggedResources() {
        aws.stub(get(urlMatching("/(\\?.*)?")), xml("<ListAllMyBucketsResult xmlns=\"" + S3_NS + "\"><Owner><ID>o"
                + "</ID></Owner><Buckets><Bucket><Name>data</Name></Bucket><Bucket><Name>logs</Name></Bucket>"
                + "</Buckets></ListAllMyBucketsResult>"));
        aws.stub(s3("(data|logs)", "location"), xml("<LocationConstraint xmlns=\"" + S3_NS + "\"/>"));
        aws.stub(s3("(data|logs)", "policy"), s3Error(404, "NoSuchBucketPolicy", "The bucket policy does not exist"));
        aws.stub(s3("(data|logs)", "publicAccessBlock"), s3Error(404, "NoSuchPublicAccessBlockConfiguration",
                "The public access block configuration was not found"));
        aws.stub(s3("data", "tagging"), xml("<Tagging xmlns=\"" + S3_NS + "\"><TagSet><Tag><Key>team</Key><Value>"
                + "data</Value></Tag></TagSet></Tagging>"));

        aws.stub(json("TrentService.ListKeys"), ok("{\"Keys\":[{\"KeyId\":\"k1\",\"KeyArn\":\"" + KEY + "\"}],"
                + "\"Truncated\":false}"));
        aws.stub(json("TrentService.DescribeKey"), ok("{\"KeyMetadata\":{\"KeyId\":\"k1\",\"Arn\":\"" + KEY
                + "\",\"KeyManager\":\"CUSTOMER\",\"KeyState\":\"Enabled\"}}"));
        aws.stub(json("TrentService.GetKeyPolicy"), ok("{\"Policy\":\"{}\",\"PolicyName\":\"default\"}"));
        aws.stub(json("TrentService.ListResourceTags").withRequestBody(matchingJsonPath("$.KeyId", equalTo(KEY))),
                ok("{\"Tags\":[{\"TagKey\":\"team\",\"TagValue\":\"keys\"}],\"Truncated\":false}"));

        aws.stub(json("AmazonSQS.ListQueues"), ok("{\"QueueUrls\":[\"" + QUEUE_URL + "\"]}"));
        aws.stub(json("AmazonSQS.GetQueueAttributes"), ok("{\"Attributes\":{\"QueueArn\":\"" + QUEUE + "\"}}"));
        aws.stub(json("AmazonSQS.ListQueueTags").withRequestBody(matchingJsonPath("$.QueueUrl", equalTo(QUEUE_URL))),
                ok("{\"Tags\":{\"team\":\"jobs\"}}"));

        aws.stub(query("ListTopics"), queryResult("ListTopics", SNS_NS, "<Topics><member><TopicArn>" + TOPIC
                + "</TopicArn></member></Topics>"));
        aws.stub(query("GetTopicAttributes"), queryResult("GetTopicAttributes", SNS_NS, "<Attributes/>"));
        aws.stub(query("ListTagsForResource"), queryResult("ListTagsForResource", SNS_NS, "<Tags><member><Key>team"
                + "</Key><Value>ops</Value></member></Tags>"));

        aws.stub(get(urlMatching("/2015-03-31/functions/?(\\?.*)?")), ok("{\"Functions\":[{\"FunctionName\":\"f\","
                + "\"FunctionArn\":\"" + FUNCTION + "\"}]}"));
        aws.stub(get(urlMatching("/2015-03-31/functions/.*/policy.*")), aResponse().withStatus(404)
                .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                .withHeader("Content-Type", "application/json").withBody("{\"Message\":\"no policy\"}"));
        aws.stub(get(urlMatching("/2017-03-31/tags/.*")), ok("{\"Tags\":{\"team\":\"fn\"}}"));

        aws.stub(json(ECR + "DescribeRepositories"), ok("{\"repositories\":[{\"repositoryArn\":\"" + REPO
                + "\",\"repositoryName\":\"app\",\"registryId\":\"111122223333\"}]}"));
        aws.stub(json(ECR + "GetRepositoryPolicy"), jsonError(400, "RepositoryPolicyNotFoundException", "no policy"));
        aws.stub(json(ECR + "ListTagsForResource").withRequestBody(matchingJsonPath("$.resourceArn", equalTo(REPO))),
                ok("{\"tags\":[{\"Key\":\"team\",\"Value\":\"app\"}]}"));
    }

    @Test
    void tagsAreRecordedAsEachServiceReturnsThem() {
        stubTaggedResources();
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(), result.accounts().get(0).gaps());
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        assertEquals("data", res.get(BUCKET).at("/tags/team").asText());
        assertEquals("keys", res.get(KEY).at("/tags/team").asText());
        assertEquals("jobs", res.get(QUEUE).at("/tags/team").asText());
        assertEquals("ops", res.get(TOPIC).at("/tags/team").asText());
        assertEquals("fn", res.get(FUNCTION).at("/tags/team").asText());
        assertEquals("app", res.get(REPO).at("/tags/team").asText());
        for (String arn : List.of(BUCKET, KEY, QUEUE, TOPIC, FUNCTION, REPO)) {
            assertEquals(1, res.get(arn).get("tags").size(), res.get(arn).toString());
        }
        JsonNode logs = res.get(UNTAGGED_BUCKET);
        assertTrue(logs.get("tags").isObject() && logs.get("tags").isEmpty(),
                "NoSuchTagSet is how S3 says none: an empty object, not unknown nor a gap: " + logs);
        long lambdaTagCalls = aws.calls().stream().filter(c -> c.operation().equals("ListTags")).count();
        assertEquals(1, lambdaTagCalls, "one call per function");
    }

    /** A denied tags call is a gap naming the resource; the record stays, without tags (unknown, never {}). */
    @Test
    void deniedTagsCallsAreGapsAndLeaveTheTagsOut() {
        stubTaggedResources();
        aws.stub(s3("data", "tagging"), s3Error(403, "AccessDenied", "Access Denied"));
        aws.stub(json("TrentService.ListResourceTags"), jsonError(400, "AccessDeniedException", "no kms"));
        aws.stub(json("AmazonSQS.ListQueueTags"), jsonError(400, "AccessDenied", "no sqs"));
        aws.stub(query("ListTagsForResource"), queryError(403, "AuthorizationError", "no sns"));
        aws.stub(get(urlMatching("/2017-03-31/tags/.*")), aResponse().withStatus(403)
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withHeader("Content-Type", "application/json").withBody("{\"Message\":\"no lambda\"}"));
        aws.stub(json(ECR + "ListTagsForResource"), jsonError(400, "AccessDeniedException", "no ecr"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();

        Set<String> gaps = result.accounts().get(0).gaps().stream()
                .map(g -> g.service() + ":" + g.operation() + " " + g.resource() + " " + g.errorCode())
                .collect(Collectors.toSet());
        assertEquals(Set.of("s3:GetBucketTagging " + BUCKET + " AccessDenied",
                "kms:ListResourceTags " + KEY + " AccessDeniedException",
                "sqs:ListQueueTags " + QUEUE + " AccessDenied",
                "sns:ListTagsForResource " + TOPIC + " AuthorizationError",
                "lambda:ListTags " + FUNCTION + " AccessDeniedException",
                "ecr:ListTagsForResource " + REPO + " AccessDeniedException"), gaps);
        Map<String, JsonNode> res = AwsStubs.resourcesByArn(AwsStubs.account(result));
        for (String arn : List.of(BUCKET, KEY, QUEUE, TOPIC, FUNCTION, REPO)) {
            JsonNode r = res.get(arn);
            assertTrue(r != null && r.has("policy"), "still recorded, with its policy read: " + arn);
            assertFalse(r.has("tags"), "tags unknown: " + r);
        }
        assertEquals(0, res.get(UNTAGGED_BUCKET).get("tags").size(), "the other bucket's tags are still read");
    }

    /** ListResourceTags pages by NextMarker; a key's tags are the pages merged, or unknown if one page fails. */
    @Test
    void kmsTagsArePagedAndAFailedPageLeavesThemUnknown() {
        stubTaggedResources();
        aws.stub(json("TrentService.ListResourceTags"), ok("{\"Tags\":[{\"TagKey\":\"team\",\"TagValue\":\"keys\"}],"
                + "\"Truncated\":true,\"NextMarker\":\"m2\"}"));
        aws.stub(json("TrentService.ListResourceTags").withRequestBody(matchingJsonPath("$.Marker", equalTo("m2"))),
                ok("{\"Tags\":[{\"TagKey\":\"env\",\"TagValue\":\"prod\"}],\"Truncated\":false}"));
        JsonNode key = AwsStubs.resourcesByArn(AwsStubs.account(aws.collector(List.of("us-east-1")).run())).get(KEY);
        assertEquals("keys", key.at("/tags/team").asText());
        assertEquals("prod", key.at("/tags/env").asText());

        aws.stub(json("TrentService.ListResourceTags").withRequestBody(matchingJsonPath("$.Marker", equalTo("m2"))),
                jsonError(400, "AccessDeniedException", "no kms"));
        CollectResult result = aws.collector(List.of("us-east-1")).run();
        assertEquals(List.of(new Gap("kms", "ListResourceTags", "us-east-1", KEY, "AccessDeniedException", "no kms")),
                result.accounts().get(0).gaps());
        assertFalse(AwsStubs.resourcesByArn(AwsStubs.account(result)).get(KEY).has("tags"),
                "the first page alone would pass for all the tags");
    }
}
