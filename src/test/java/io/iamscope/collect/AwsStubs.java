package io.iamscope.collect;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * A WireMock server that answers like AWS, one endpoint for every service: requests are routed by shape
 * (the query protocol's {@code Action}, the JSON protocols' {@code X-Amz-Target}, S3's and Lambda's paths).
 * Defaults describe an empty account; tests add their own stubs, which take precedence.
 */
public final class AwsStubs implements AutoCloseable {
    public static final String ACCOUNT = "111122223333";
    static final String CALLER_ARN = "arn:aws:iam::" + ACCOUNT + ":user/auditor";
    static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATESTCALLER", "test-secret"));
    private static final int DEFAULT = 10;
    static final int TEST = 1;

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    public AwsStubs() {
        System.setProperty("aws.disableEc2Metadata", "true");
        server.start();
        defaults();
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.port());
    }

    /** Retries as in production but without waiting, so that tests stay fast. */
    static Supplier<RetryStrategy> fastRetries() {
        return () -> AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(1)))
                .build();
    }

    Collector collector(List<String> regions) {
        return collector(new CollectOptions(null, "us-east-1", endpoint(), false, null, regions, 4));
    }

    Collector collector(CollectOptions options) {
        return new Collector(options, Progress.NONE, CREDENTIALS, fastRetries());
    }

    /** A collector whose reads time out after {@code socketTimeout}: a slow server without waiting 30 s. */
    Collector collector(CollectOptions options, Duration socketTimeout) {
        return new Collector(options, Progress.NONE, CREDENTIALS, fastRetries(),
                () -> software.amazon.awssdk.http.apache.ApacheHttpClient.builder().socketTimeout(socketTimeout)
                        .build());
    }

    // ---- request matchers by protocol

    static MappingBuilder query(String action) {
        return post(urlPathEqualTo("/")).withRequestBody(matching("(.*&)?Action=" + action + "(&.*)?"));
    }

    public static MappingBuilder json(String target) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    static MappingBuilder s3(String bucket, String subresource) {
        return get(urlMatching("/" + bucket + "\\?(.*&)?" + subresource + "(=[^&]*)?(&.*)?"));
    }

    // ---- responses by protocol

    static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    static ResponseDefinitionBuilder queryResult(String action, String ns, String inner) {
        return xml("<" + action + "Response xmlns=\"" + ns + "\"><" + action + "Result>" + inner + "</" + action
                + "Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></" + action + "Response>");
    }

    static final String CLOUDFORMATION_NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    static final String AUTOSCALING_NS = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /** A REST-JSON (restJson1) answer. */
    static ResponseDefinitionBuilder restOk(String jsonBody) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(jsonBody);
    }

    /** A REST-JSON error: AWS's code in the {@code x-amzn-ErrorType} header, the message in the body. */
    static ResponseDefinitionBuilder restError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazonaws.bedrockagentcore/")
                .withBody("{\"message\":\"" + message + "\"}");
    }

    /** An EC2 (query protocol, EC2 flavour) error. */
    static ResponseDefinitionBuilder ec2Error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
                .withBody("<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error></Errors><RequestID>r</RequestID></Response>");
    }

    static ResponseDefinitionBuilder iam(String action, String inner) {
        return queryResult(action, "https://iam.amazonaws.com/doc/2010-05-08/", inner);
    }

    static ResponseDefinitionBuilder queryError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error><RequestId>r</RequestId></ErrorResponse>");
    }

    static ResponseDefinitionBuilder s3Error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>" + code + "</Code><Message>" + message + "</Message><RequestId>r"
                        + "</RequestId></Error>");
    }

    static ResponseDefinitionBuilder ok(String jsonBody) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(jsonBody);
    }

    public static ResponseDefinitionBuilder jsonError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    /**
     * One SQS queue, `jobs`, in every region asked, without a policy: what a test of another service's gaps
     * checks is still collected.
     */
    void stubOneQueue() {
        stub(json("AmazonSQS.ListQueues"), ok("{\"QueueUrls\":[\"https://sqs.us-east-1.amazonaws.com/"
                + "111122223333/jobs\"]}"));
        stub(json("AmazonSQS.GetQueueAttributes"), ok("{\"Attributes\":{\"QueueArn\":"
                + "\"arn:aws:sqs:us-east-1:111122223333:jobs\"}}"));
    }

    public void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        server.stubFor(request.atPriority(TEST).willReturn(response));
    }

    private void fallback(MappingBuilder request, ResponseDefinitionBuilder response) {
        server.stubFor(request.atPriority(DEFAULT).willReturn(response));
    }

    private void defaults() {
        fallback(query("GetCallerIdentity"), queryResult("GetCallerIdentity", "https://sts.amazonaws.com/doc/2011-06-15/",
                "<Arn>" + CALLER_ARN + "</Arn><UserId>AIDAAUDITOR</UserId><Account>" + ACCOUNT + "</Account>"));
        fallback(query("GetAccountAuthorizationDetails"), iam("GetAccountAuthorizationDetails",
                "<IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/>"));
        fallback(query("ListUsers"), iam("ListUsers", "<IsTruncated>false</IsTruncated><Users/>"));
        fallback(query("ListOpenIDConnectProviders"), iam("ListOpenIDConnectProviders",
                "<OpenIDConnectProviderList/>"));
        fallback(query("ListSAMLProviders"), iam("ListSAMLProviders", "<SAMLProviderList/>"));
        fallback(query("ListAccountAliases"), iam("ListAccountAliases",
                "<IsTruncated>false</IsTruncated><AccountAliases/>"));
        fallback(query("DescribeRegions"), xml("<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/"
                + "2016-11-15/\"><requestId>r</requestId><regionInfo><item><regionName>us-east-1</regionName>"
                + "</item></regionInfo></DescribeRegionsResponse>"));
        fallback(query("DescribeInstances"), xml("<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/"
                + "2016-11-15/\"><requestId>r</requestId><reservationSet/></DescribeInstancesResponse>"));
        fallback(query("ListTopics"), queryResult("ListTopics", "http://sns.amazonaws.com/doc/2010-03-31/",
                "<Topics/>"));
        fallback(get(urlPathEqualTo("/")), xml("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/"
                + "2006-03-01/\"><Owner><ID>o</ID></Owner><Buckets/></ListAllMyBucketsResult>"));
        fallback(json("TrentService.ListKeys"), ok("{\"Keys\":[],\"Truncated\":false}"));
        fallback(json("AmazonSQS.ListQueues"), ok("{}"));
        fallback(get(urlMatching("/2015-03-31/functions/?(\\?.*)?")), ok("{\"Functions\":[]}"));
        fallback(json("secretsmanager.ListSecrets"), ok("{\"SecretList\":[]}"));
        fallback(json("AmazonEC2ContainerRegistry_V20150921.DescribeRepositories"), ok("{\"repositories\":[]}"));
        fallback(json("AmazonEC2ContainerServiceV20141113.ListClusters"), ok("{\"clusterArns\":[]}"));
        fallback(json("AmazonEC2ContainerServiceV20141113.ListServices"), ok("{\"serviceArns\":[]}"));
        fallback(json("AmazonEC2ContainerServiceV20141113.ListContainerInstances"),
                ok("{\"containerInstanceArns\":[]}"));
        fallback(json("CodeBuild_20161006.ListProjects"), ok("{\"projects\":[]}"));
        fallback(json("AppRunner.ListServices"), ok("{\"ServiceSummaryList\":[]}"));
        fallback(json("AppRunner.ListTagsForResource"), ok("{\"Tags\":[]}"));
        fallback(query("DescribeStacks"), queryResult("DescribeStacks", CLOUDFORMATION_NS, "<Stacks/>"));
        fallback(query("ListStackSets"), queryResult("ListStackSets", CLOUDFORMATION_NS, "<Summaries/>"));
        fallback(query("DescribeAutoScalingGroups"), queryResult("DescribeAutoScalingGroups", AUTOSCALING_NS,
                "<AutoScalingGroups/>"));
        fallback(query("DescribeLaunchTemplates"), xml("<DescribeLaunchTemplatesResponse xmlns=\"" + EC2_NS
                + "\"><requestId>r</requestId><launchTemplates/></DescribeLaunchTemplatesResponse>"));
        fallback(json("AWSGlue.GetJobs"), ok("{\"Jobs\":[]}"));
        fallback(json("SageMaker.ListNotebookInstances"), ok("{\"NotebookInstances\":[]}"));
        fallback(post(urlPathEqualTo("/code-interpreters")), restOk("{\"codeInterpreterSummaries\":[]}"));
        // No tags, as each service says it: S3 with an error, SQS by leaving the map out, the others empty.
        fallback(get(urlMatching("/[^/?]+\\?(.*&)?tagging(=[^&]*)?(&.*)?")), s3Error(404, "NoSuchTagSet",
                "The TagSet does not exist"));
        fallback(json("TrentService.ListResourceTags"), ok("{\"Tags\":[],\"Truncated\":false}"));
        fallback(json("AmazonSQS.ListQueueTags"), ok("{}"));
        fallback(query("ListTagsForResource"), queryResult("ListTagsForResource",
                "http://sns.amazonaws.com/doc/2010-03-31/", "<Tags/>"));
        fallback(get(urlMatching("/2017-03-31/tags/.*")), ok("{\"Tags\":{}}"));
        fallback(json("AmazonEC2ContainerRegistry_V20150921.ListTagsForResource"), ok("{\"tags\":[]}"));
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(599)
                .withBody("no stub for this request")));
    }

    // ---- what was asked

    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/[^/]+/([^/]+)/([^/]+)/aws4_request");

    /** One request as the collect policy sees it: signing service, operation, access key. */
    record Call(String service, String operation, String accessKey) {
    }

    /** Every request the server received, decoded to service and operation. */
    /** The first account of a collection's snapshot. */
    static JsonNode account(CollectResult r) {
        return r.snapshot().get("accounts").get(0);
    }

    /** An account's resource records by ARN. */
    static Map<String, JsonNode> resourcesByArn(JsonNode account) {
        return java.util.stream.StreamSupport.stream(account.get("resources").spliterator(), false)
                .collect(java.util.stream.Collectors.toMap(n -> n.get("arn").asText(), n -> n));
    }

    /** Every request the server received, in the order received. */
    public List<LoggedRequest> requests() {
        List<LoggedRequest> out = new ArrayList<>();
        server.getAllServeEvents().forEach(e -> out.add(e.getRequest()));
        java.util.Collections.reverse(out);
        return out;
    }

    /** A signed request's credential scope: {@code REGION/SERVICE}; empty when it was not signed. */
    public static String scope(LoggedRequest r) {
        Matcher m = SCOPE.matcher(Optional.ofNullable(r.getHeader("Authorization")).orElse(""));
        return m.find() ? m.group(2) + "/" + m.group(3) : "";
    }

    /** How many requests of one service's operation were sent. */
    long calls(String service, String operation) {
        return calls().stream().filter(c -> c.service().equals(service) && c.operation().equals(operation)).count();
    }

    List<Call> calls() {
        List<Call> out = new ArrayList<>();
        for (var event : server.getAllServeEvents()) {
            LoggedRequest r = event.getRequest();
            Matcher m = SCOPE.matcher(Optional.ofNullable(r.getHeader("Authorization")).orElse(""));
            if (!m.find()) {
                out.add(new Call("?", r.getMethod() + " " + r.getUrl(), "?"));
                continue;
            }
            out.add(new Call(m.group(3), operation(m.group(3), r), m.group(1)));
        }
        return out;
    }

    private static String operation(String service, LoggedRequest r) {
        String target = r.getHeader("X-Amz-Target");
        if (target != null) {
            return target.substring(target.indexOf('.') + 1);
        }
        String body = r.getBodyAsString();
        for (String pair : body.split("&")) {
            if (pair.startsWith("Action=")) {
                return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
            }
        }
        String url = r.getUrl();
        if (service.equals("s3")) {
            if (url.equals("/") || url.startsWith("/?")) {
                return "ListBuckets";
            }
            if (url.contains("?location")) {
                return "GetBucketLocation";
            }
            if (url.contains("?policy")) {
                return "GetBucketPolicy";
            }
            if (url.contains("?publicAccessBlock")) {
                return "GetPublicAccessBlock";
            }
            if (url.contains("?tagging")) {
                return "GetBucketTagging";
            }
        }
        if (service.equals("bedrock-agentcore")) {
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            if (path.startsWith("/tags/")) {
                return "ListTagsForResource";
            }
            if (path.startsWith("/code-interpreters/")) {
                return "GetCodeInterpreter";
            }
            if (path.equals("/code-interpreters") && r.getMethod().getName().equals("POST")) {
                return "ListCodeInterpreters";
            }
        }
        if (service.equals("lambda")) {
            if (url.startsWith("/2017-03-31/tags/")) {
                return "ListTags";
            }
            return url.contains("/policy") ? "GetPolicy" : "ListFunctions";
        }
        return r.getMethod() + " " + url;
    }

    @Override
    public void close() {
        server.stop();
    }
}
