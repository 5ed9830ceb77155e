package io.iamscope.simulator;

import io.iamscope.aws.AnswerCheck;
import io.iamscope.aws.AwsHttp;
import io.iamscope.aws.AwsLogin;
import io.iamscope.aws.CallLog;
import io.iamscope.aws.GlobalRegions;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;

/**
 * Where and as whom to call IAM: the {@code --endpoint-url}, {@code --profile} and {@code --region} options
 * shared with {@code collect}, resolved as the AWS CLI resolves them ({@link AwsLogin}). IAM is global: it is
 * called in the home region of the region's partition ({@link GlobalRegions}), so a GovCloud or China profile
 * reaches its own partition's IAM.
 *
 * @param endpointUrl  an endpoint override (a local test server, a VPC endpoint), or null
 * @param profile      a named profile of the shared credentials and config files, or null for the default chain
 * @param region       a region id, or null for the region chain
 * @param credentials  explicit credentials (tests), or null to use the profile or the default chain
 */
public record SimulatorConnection(String endpointUrl, String profile, String region,
                                  AwsCredentialsProvider credentials) {

    public static SimulatorConnection of(String endpointUrl, String profile, String region) {
        return new SimulatorConnection(endpointUrl, profile, region, null);
    }

    /**
     * A client with the SDK's adaptive retry strategy: throttling errors are retried with backoff, and the
     * client's own send rate drops while AWS throttles.
     */
    public IamClient client() {
        URI endpoint = endpointUrl != null && !endpointUrl.isBlank() ? uri(endpointUrl) : null;
        AwsLogin login = credentials != null ? AwsLogin.withCredentials(profile, region, credentials)
                : AwsLogin.resolve(profile, region);
        IamClientBuilder b = IamClient.builder()
                .region(GlobalRegions.home("iam", login.region()))
                .credentialsProvider(login.credentials())
                .httpClientBuilder(AwsHttp.builder(endpoint))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy())
                        .apiCallTimeout(Duration.ofMinutes(2))
                        // An answer that is not the API's (a web page) is a failure, not an empty result.
                        .addExecutionInterceptor(new AnswerCheck(AnswerCheck.Protocol.QUERY))
                        .addExecutionInterceptor(new CallLog())
                        .build());
        if (endpoint != null) {
            b.endpointOverride(endpoint);
        }
        return b.build();
    }

    private static URI uri(String url) {
        try {
            URI u = new URI(url);
            if (u.getScheme() == null || u.getHost() == null) {
                throw new SimulatorException("SIMULATOR_BAD_ENDPOINT", "`" + url + "` is not an endpoint url"
                        + " (write it as `https://host[:port]`)", null);
            }
            return u;
        } catch (URISyntaxException e) {
            throw new SimulatorException("SIMULATOR_BAD_ENDPOINT", "`" + url + "` is not an endpoint url", e);
        }
    }
}
