package io.iamscope.aws;

import java.net.URI;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;

/**
 * The HTTP client of every AWS call: the SDK's Apache client with the proxy the environment names, as the AWS CLI
 * reads it: HTTPS_PROXY for https endpoints (AWS's), HTTP_PROXY for an http {@code --endpoint-url}, NO_PROXY's
 * hosts direct; else the JVM's {@code https.proxyHost}/{@code http.proxyHost} properties and
 * {@code http.nonProxyHosts}. The SDK's proxy settings pick one variable per client by the scheme they are given;
 * left alone they read HTTP_PROXY whatever the endpoint's scheme, so HTTPS_PROXY was never read.
 */
public final class AwsHttp {
    private AwsHttp() {
    }

    /** A builder for calls to {@code endpoint} (null: AWS's own endpoints, all https). */
    public static ApacheHttpClient.Builder builder(URI endpoint) {
        String scheme = endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme()) ? "http" : "https";
        return ApacheHttpClient.builder().proxyConfiguration(ProxyConfiguration.builder()
                .scheme(scheme)
                .useEnvironmentVariableValues(true)
                .useSystemPropertyValues(true)
                .build());
    }
}
