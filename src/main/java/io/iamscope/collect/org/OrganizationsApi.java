package io.iamscope.collect.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * A minimal AWS Organizations client over the SDK's own core, because the SDK's {@code organizations} module
 * is not available to this build: the awsJson1.1 protocol (POST /, {@code X-Amz-Target}), SigV4 signing with
 * {@link AwsV4HttpSigner}, the SDK's HTTP client and retry strategy. Errors become {@link AwsServiceException}s
 * carrying AWS's error code, so throttling is recognized by the SDK's retry conditions and gaps read alike.
 */
public final class OrganizationsApi {
    /** The global endpoint: Organizations lives in us-east-1 for the commercial partition. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://organizations.us-east-1.amazonaws.com");
    private static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final RetryStrategy retries;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** A client on {@code endpoint} (null for AWS's), retrying with {@code retries}. */
    public OrganizationsApi(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint,
            Supplier<RetryStrategy> retries) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint == null ? DEFAULT_ENDPOINT : endpoint;
        this.retries = retries.get();
    }

    /** Calls {@code operation} with {@code body}, retrying throttling and transient failures. */
    public JsonNode call(String operation, ObjectNode body) {
        AcquireInitialTokenResponse initial = retries.acquireInitialToken(AcquireInitialTokenRequest.create(
                "organizations"));
        RetryToken token = initial.token();
        sleep(initial.delay());
        while (true) {
            try {
                JsonNode result = once(operation, body);
                retries.recordSuccess(RecordSuccessRequest.create(token));
                return result;
            } catch (SdkException e) {
                RefreshRetryTokenResponse next;
                try {
                    next = retries.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(e)
                            .build());
                } catch (TokenAcquisitionFailedException notRetryable) {
                    throw e;
                }
                token = next.token();
                sleep(next.delay());
            }
        }
    }

    private JsonNode once(String operation, ObjectNode body) {
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .putHeader("Content-Length", Integer.toString(payload.length))
                .build();
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "organizations")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            String text = read(response);
            int status = response.httpResponse().statusCode();
            if (status / 100 != 2) {
                throw error(status, response, text);
            }
            try {
                return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (IOException e) {
                throw SdkClientException.create("unreadable organizations response to `" + operation + "`", e);
            }
        } catch (IOException | UncheckedIOException e) {
            throw SdkClientException.create("cannot reach organizations at `" + endpoint + "`", e);
        }
    }

    private static String read(HttpExecuteResponse response) throws IOException {
        Optional<? extends InputStream> body = response.responseBody();
        if (body.isEmpty()) {
            return "";
        }
        try (InputStream in = body.get()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Reads AWS's error code from the body's {@code __type} or the {@code x-amzn-ErrorType} header. */
    private static AwsServiceException error(int status, HttpExecuteResponse response, String text) {
        String code = null;
        String message = null;
        try {
            JsonNode node = text.isBlank() ? null : JSON.readTree(text);
            if (node != null && node.isObject()) {
                code = node.path("__type").asText(null);
                message = node.has("message") ? node.get("message").asText() : node.path("Message").asText(null);
            }
        } catch (IOException e) {
            // Not JSON (a proxy's HTML page, say): the status and header still tell what happened.
        }
        if (code == null) {
            code = response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse("HTTP_" + status);
        }
        code = code.substring(code.lastIndexOf('#') + 1);
        int colon = code.indexOf(':');
        if (colon >= 0) {
            code = code.substring(0, colon);
        }
        return AwsServiceException.builder()
                .message(message)
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
                        .serviceName("Organizations").sdkHttpResponse(response.httpResponse()).build())
                .build();
    }

    private static void sleep(Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while waiting to retry", e);
        }
    }
}
