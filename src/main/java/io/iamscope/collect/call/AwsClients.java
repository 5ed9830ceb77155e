package io.iamscope.collect.call;

import io.iamscope.aws.AnswerCheck;
import io.iamscope.aws.AnswerCheck.Protocol;
import io.iamscope.aws.AwsJsonApi;
import io.iamscope.aws.CallLog;
import io.iamscope.aws.GlobalRegions;
import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds SDK clients for one set of credentials: one shared HTTP client, the endpoint override if any, and
 * the adaptive retry strategy (throttling is retried with backoff and client-side rate limiting). Callers
 * close the SDK clients they build; the {@link AwsJsonApi} clients (services whose SDK module this build lacks)
 * hold nothing to close.
 *
 * @param credentials the credentials of the account being collected
 * @param http        the HTTP client, owned by whoever created this
 * @param endpoint    one endpoint for every service, or null for AWS's
 * @param retries     a fresh retry strategy per client
 */
public record AwsClients(AwsCredentialsProvider credentials, SdkHttpClient http, URI endpoint,
        Supplier<RetryStrategy> retries) {
    // The JSON-protocol services of AwsJsonApi, as their API models name them.
    private static final AwsJsonApi.Service ORGANIZATIONS = new AwsJsonApi.Service("Organizations", "organizations",
            "AWSOrganizationsV20161128", "1.1");
    private static final AwsJsonApi.Service CODEBUILD = new AwsJsonApi.Service("CodeBuild", "codebuild",
            "CodeBuild_20161006", "1.1");
    private static final AwsJsonApi.Service APPRUNNER = new AwsJsonApi.Service("AppRunner", "apprunner",
            "AppRunner", "1.0");
    private static final AwsJsonApi.Service SAGEMAKER = new AwsJsonApi.Service("SageMaker", "sagemaker",
            "SageMaker", "1.1", "api.sagemaker");
    private static final AwsJsonApi.Service AGENTCORE_CONTROL = new AwsJsonApi.Service("BedrockAgentCoreControl",
            "bedrock-agentcore", null, null, "bedrock-agentcore-control");

    /** The adaptive strategy: AWS's recommendation for batch jobs that would otherwise be throttled. */
    public static Supplier<RetryStrategy> adaptiveRetries() {
        return AwsRetryStrategy::adaptiveRetryStrategy;
    }

    /** The same clients with other credentials (an assumed role in a member account). */
    public AwsClients withCredentials(AwsCredentialsProvider other) {
        return new AwsClients(other, http, endpoint, retries);
    }

    /** IAM, global: called in the home region of {@code region}'s partition ({@link GlobalRegions}). */
    public IamClient iam(String region) {
        return configure(IamClient.builder(), Protocol.QUERY, GlobalRegions.home("iam", Region.of(region)).id());
    }

    public StsClient sts(String region) {
        return configure(StsClient.builder(), Protocol.QUERY, region);
    }

    public Ec2Client ec2(String region) {
        return configure(Ec2Client.builder(), Protocol.QUERY, region);
    }

    public S3Client s3(String region) {
        // An endpoint override (emulator, test, VPC endpoint) cannot resolve virtual-hosted bucket names.
        return configure(S3Client.builder().forcePathStyle(endpoint != null), Protocol.REST_XML, region);
    }

    public KmsClient kms(String region) {
        return configure(KmsClient.builder(), Protocol.JSON, region);
    }

    public SqsClient sqs(String region) {
        return configure(SqsClient.builder(), Protocol.JSON, region);
    }

    public SnsClient sns(String region) {
        return configure(SnsClient.builder(), Protocol.QUERY, region);
    }

    public LambdaClient lambda(String region) {
        return configure(LambdaClient.builder(), Protocol.JSON, region);
    }

    public SecretsManagerClient secretsManager(String region) {
        return configure(SecretsManagerClient.builder(), Protocol.JSON, region);
    }

    public EcrClient ecr(String region) {
        return configure(EcrClient.builder(), Protocol.JSON, region);
    }

    public EcsClient ecs(String region) {
        return configure(EcsClient.builder(), Protocol.JSON, region);
    }

    public CloudFormationClient cloudFormation(String region) {
        return configure(CloudFormationClient.builder(), Protocol.QUERY, region);
    }

    public AutoScalingClient autoScaling(String region) {
        return configure(AutoScalingClient.builder(), Protocol.QUERY, region);
    }

    public GlueClient glue(String region) {
        return configure(GlueClient.builder(), Protocol.JSON, region);
    }

    /**
     * Organizations over {@link AwsJsonApi}, in its partition's home region ({@link GlobalRegions}): US East
     * (N. Virginia) for commercial organizations, AWS GovCloud (US-West) for GovCloud ones, China (Ningxia) for
     * China ones (Organizations User Guide, "Region support for AWS Organizations").
     */
    public AwsJsonApi organizations(String partition) {
        return json(ORGANIZATIONS, GlobalRegions.home("organizations", partition, Region.US_EAST_1).id());
    }

    /** CodeBuild over {@link AwsJsonApi}, regional (CodeBuild API Reference; API version 2016-10-06). */
    public AwsJsonApi codeBuild(String region) {
        return json(CODEBUILD, region);
    }

    /**
     * App Runner over {@link AwsJsonApi}, regional (App Runner API Reference; API version 2020-05-15, protocol
     * awsJson1_0, target prefix {@code AppRunner}).
     */
    public AwsJsonApi appRunner(String region) {
        return json(APPRUNNER, region);
    }

    /**
     * SageMaker over {@link AwsJsonApi}, regional (SageMaker API Reference; API version 2017-07-24, protocol
     * awsJson1_1, target prefix {@code SageMaker}, signing name {@code sagemaker}, endpoint
     * {@code api.sagemaker.<region>}).
     */
    public AwsJsonApi sageMaker(String region) {
        return json(SAGEMAKER, region);
    }

    /**
     * The Bedrock AgentCore control plane over {@link AwsJsonApi}'s REST form, regional (AgentCore Control API
     * Reference; API version 2023-06-05, protocol restJson1, signing name {@code bedrock-agentcore}, endpoint
     * {@code bedrock-agentcore-control.<region>}).
     */
    public AwsJsonApi agentCoreControl(String region) {
        return json(AGENTCORE_CONTROL, region);
    }

    private AwsJsonApi json(AwsJsonApi.Service service, String region) {
        return new AwsJsonApi(service, region, endpoint, http, credentials, retries.get());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder,
            Protocol protocol, String region) {
        builder.region(Region.of(region)).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(retries.get())
                        .addExecutionInterceptor(new AnswerCheck(protocol))
                        .addExecutionInterceptor(new CallLog()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
