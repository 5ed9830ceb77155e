package io.iamscope.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * A minimal client for AWS services whose SDK module is not available to this build (Organizations, CodeBuild,
 * App Runner, SageMaker, Bedrock AgentCore), over the SDK's own core: the AWS JSON protocol (POST /,
 * {@code X-Amz-Target: <prefix>.<operation>}, a {@code application/x-amz-json-1.0} or {@code -1.1} body), or its
 * REST form (restJson1: the operation is a method and a path, its input in the path, the query and a JSON body;
 * {@link #rest}), SigV4 signing with {@link AwsV4HttpSigner}, the SDK's HTTP client and retry strategy. Errors
 * become {@link AwsServiceException}s carrying AWS's error code, so throttling is recognized by the SDK's retry
 * conditions and failures classify as those of the SDK clients.
 */
public final class AwsJsonApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AnswerCheck ANSWERS = new AnswerCheck(AnswerCheck.Protocol.JSON);

    /**
     * One service as the JSON protocol addresses it (the {@code metadata} of its API model).
     *
     * @param name         the service's name in errors: {@code Organizations}
     * @param signingName  the SigV4 signing name, also the endpoint prefix: {@code organizations}
     * @param targetPrefix the {@code X-Amz-Target} prefix before the operation: {@code AWSOrganizationsV20161128}
     * @param jsonVersion  the protocol's JSON version: {@code 1.1} for {@code application/x-amz-json-1.1}; unused by
     *                     {@link #rest}
     * @param endpointPrefix the host's first label where it is not the signing name ({@code api.sagemaker},
     *                     {@code bedrock-agentcore-control})
     */
    public record Service(String name, String signingName, String targetPrefix, String jsonVersion,
                          String endpointPrefix) {
        /** A service whose endpoint starts with its signing name. */
        public Service(String name, String signingName, String targetPrefix, String jsonVersion) {
            this(name, signingName, targetPrefix, jsonVersion, signingName);
        }
    }

    private final Service service;
    private final String region;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final RetryStrategy retries;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * A client of {@code service} in {@code region}, on {@code endpoint} (null for AWS's regional one),
     * retrying with {@code retries}.
     */
    public AwsJsonApi(Service service, String region, URI endpoint, SdkHttpClient http,
            AwsCredentialsProvider credentials, RetryStrategy retries) {
        this.service = service;
        this.region = region;
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint == null ? defaultEndpoint(service, region) : endpoint;
        this.retries = retries;
    }

    /** AWS's regional endpoint, {@code https://<endpoint prefix>.<region>.<partition's DNS suffix>}. */
    private static URI defaultEndpoint(Service service, String region) {
        String suffix = PartitionMetadata.of(Region.of(region)).dnsSuffix();
        return URI.create("https://" + service.endpointPrefix() + "." + region + "." + suffix);
    }

    /** The endpoint requests go to. */
    public URI endpoint() {
        return endpoint;
    }

    /** Calls {@code operation} with {@code body}, retrying throttling and transient failures. */
    public JsonNode call(String operation, ObjectNode body) {
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        return retrying(operation, () -> send(operation, SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-" + service.jsonVersion())
                .putHeader("X-Amz-Target", service.targetPrefix() + "." + operation), payload));
    }

    /**
     * Calls a REST-JSON operation: {@code method} ({@code GET}, {@code POST}) on {@code path} (its labels already
     * percent-encoded, {@link #label}) with the query parameters and, when not null, a JSON body; retrying as
     * {@link #call} does. {@code operation} names it in errors.
     */
    public JsonNode rest(String operation, String method, String path, Map<String, String> query, ObjectNode body) {
        byte[] payload = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
        return retrying(operation, () -> {
            SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                    .method(SdkHttpMethod.fromValue(method))
                    .uri(endpoint)
                    .encodedPath(path);
            query.forEach(request::putRawQueryParameter);
            if (payload != null) {
                request.putHeader("Content-Type", "application/json");
            }
            return send(operation, request, payload);
        });
    }

    /** A path label ({@code {resourceArn}}) percent-encoded as one path segment: {@code /} and {@code :} too. */
    public static String label(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode retrying(String operation, java.util.function.Supplier<JsonNode> once) {
        AcquireInitialTokenResponse initial = retries.acquireInitialToken(AcquireInitialTokenRequest.create(
                service.signingName()));
        RetryToken token = initial.token();
        sleep(initial.delay());
        while (true) {
            try {
                JsonNode result = once.get();
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
                CallLog.retrying(service.name(), operation, AwsFailure.of(e).code(), next.delay().toMillis());
                sleep(next.delay());
            }
        }
    }

    /** Signs and sends one request ({@code payload} null for none) and reads its JSON answer. */
    private JsonNode send(String operation, SdkHttpFullRequest.Builder builder, byte[] payload) {
        if (payload != null) {
            builder.putHeader("Content-Length", Integer.toString(payload.length));
        }
        SdkHttpRequest request = builder.build();
        AwsCredentialsIdentity identity;
        try {
            identity = credentials.resolveIdentity().join();
        } catch (java.util.concurrent.CompletionException e) {
            // As the SDK's clients do: a provider's failure (a CredentialsFailure) reaches the caller as thrown.
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(request)
                .payload(payload == null ? null : ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service.signingName())
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            String text = read(response);
            int status = response.httpResponse().statusCode();
            CallLog.answered(service.name(), operation, region, status, CallLog.requestId(response.httpResponse()), 1);
            if (status / 100 != 2) {
                throw error(status, response, text);
            }
            String type = response.httpResponse().firstMatchingHeader("Content-Type").orElse("");
            String problem = type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html") ? "a web page"
                    : ANSWERS.problem(operation, text.length() > 512 ? text.substring(0, 512) : text);
            if (problem != null && !text.isBlank()) {
                throw AnswerCheck.refused(operation, response.httpResponse(), type, problem);
            }
            try {
                return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (IOException e) {
                throw SdkClientException.create("unreadable " + service.signingName() + " response to `" + operation + "`",
                        e);
            }
        } catch (IOException | UncheckedIOException e) {
            throw SdkClientException.create("cannot reach " + service.signingName() + " at `" + endpoint + "`", e);
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
    private AwsServiceException error(int status, HttpExecuteResponse response, String text) {
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
                        .serviceName(service.name()).sdkHttpResponse(response.httpResponse()).build())
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
