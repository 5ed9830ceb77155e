package io.iamscope.aws;

import java.net.URI;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.utils.ProxyConfigProvider;

/**
 * The HTTP client of every AWS call: the SDK's Apache client with the proxy the environment names, as the AWS CLI
 * reads it: HTTPS_PROXY for https endpoints (AWS's), HTTP_PROXY for an http {@code --endpoint-url}, NO_PROXY's
 * hosts direct; where the variable is unset, the JVM's {@code https.proxyHost}/{@code http.proxyHost} and
 * {@code http.nonProxyHosts}.
 *
 * <p>Why not simply the SDK's {@code ProxyConfiguration.scheme("https")}: in the Apache client that one setting
 * both picks HTTPS_PROXY and makes the client speak TLS to the proxy itself, which an {@code http://} proxy (nearly
 * every one) refuses; left at {@code http}, the client reads HTTP_PROXY whatever the endpoint, so HTTPS_PROXY was
 * never read. So the SDK reads the variables ({@link ProxyConfigProvider}, the same reader its clients use) and
 * the proxy it names is given to the client as an {@code http://} endpoint, which it tunnels https through with
 * CONNECT.
 */
public final class AwsHttp {
    private AwsHttp() {
    }

    /** A builder for calls to {@code endpoint} (null: AWS's own endpoints, all https). */
    public static ApacheHttpClient.Builder builder(URI endpoint) {
        boolean plainHttp = endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme());
        ProxyConfiguration proxy = plainHttp
                ? ProxyConfiguration.builder().useEnvironmentVariableValues(true).useSystemPropertyValues(true).build()
                : httpsProxy();
        return ApacheHttpClient.builder().proxyConfiguration(proxy);
    }

    private static ProxyConfiguration httpsProxy() {
        ProxyConfigProvider named = ProxyConfigProvider.fromSystemEnvironmentSettings(true, true, "https");
        ProxyConfiguration.Builder b = ProxyConfiguration.builder().useEnvironmentVariableValues(false)
                .useSystemPropertyValues(false);
        if (named == null || named.host() == null) {
            return b.build();
        }
        b.endpoint(URI.create("http://" + named.host() + (named.port() > 0 ? ":" + named.port() : "")))
                .nonProxyHosts(named.nonProxyHosts());
        named.userName().ifPresent(b::username);
        named.password().ifPresent(b::password);
        return b.build();
    }
}
