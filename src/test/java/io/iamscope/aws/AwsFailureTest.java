package io.iamscope.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParseException;
import io.iamscope.aws.AwsFailure.Kind;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Every class of SDK failure, as collect and the simulator both see it. */
class AwsFailureTest {

    private static AwsServiceException answer(int status, String code, String message) {
        return AwsServiceException.builder().statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private static SdkClientException client(String message, Throwable cause) {
        return SdkClientException.create(message, cause);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(answer(403, "AccessDenied", "not authorized"),
                        new AwsFailure(Kind.ACCESS_DENIED, "AccessDenied", 403, "not authorized")),
                Arguments.of(answer(400, "AccessDeniedException", "not allowed: codebuild:ListProjects"),
                        new AwsFailure(Kind.ACCESS_DENIED, "AccessDeniedException", 400,
                                "not allowed: codebuild:ListProjects")),
                Arguments.of(answer(403, "InvalidClientTokenId", "The security token is invalid."),
                        new AwsFailure(Kind.ACCESS_DENIED, "InvalidClientTokenId", 403,
                                "The security token is invalid.")),
                Arguments.of(answer(400, "Throttling", "Rate exceeded"),
                        new AwsFailure(Kind.THROTTLED, "Throttling", 400, "Rate exceeded")),
                Arguments.of(answer(429, "TooManyRequestsException", "slow down"),
                        new AwsFailure(Kind.THROTTLED, "TooManyRequestsException", 429, "slow down")),
                Arguments.of(answer(400, "InvalidInput", "bad\n  arn"),
                        new AwsFailure(Kind.INVALID_INPUT, "InvalidInput", 400, "bad arn")),
                Arguments.of(answer(400, "MalformedPolicyDocument", "no"),
                        new AwsFailure(Kind.INVALID_INPUT, "MalformedPolicyDocument", 400, "no")),
                Arguments.of(answer(500, "InternalFailure", "oops"),
                        new AwsFailure(Kind.SERVICE_ERROR, "InternalFailure", 500, "oops")),
                Arguments.of(AwsServiceException.builder().statusCode(503).message("Service Unavailable").build(),
                        new AwsFailure(Kind.SERVICE_ERROR, "HTTP_503", 503, "Service Unavailable")),
                Arguments.of(client("Unable to execute HTTP request: Connection refused",
                                new ConnectException("Connection refused")),
                        new AwsFailure(Kind.UNREACHABLE, "UNREACHABLE", 0, "ConnectException: Connection refused")),
                Arguments.of(client("Unable to execute HTTP request: iam.example",
                                new UnknownHostException("iam.example")),
                        new AwsFailure(Kind.UNREACHABLE, "UNREACHABLE", 0, "UnknownHostException: iam.example")),
                Arguments.of(client("Unable to execute HTTP request", new SSLHandshakeException("bad certificate")),
                        new AwsFailure(Kind.UNREACHABLE, "UNREACHABLE", 0,
                                "SSLHandshakeException: bad certificate")),
                Arguments.of(client("Unable to execute HTTP request", new SocketTimeoutException("Read timed out")),
                        new AwsFailure(Kind.UNREACHABLE, "UNREACHABLE", 0,
                                "SocketTimeoutException: Read timed out")),
                Arguments.of(ApiCallTimeoutException.builder().message("Client execution did not complete before the"
                                + " specified timeout configuration: 120000 millis").build(),
                        new AwsFailure(Kind.UNREACHABLE, "UNREACHABLE", 0, "ApiCallTimeoutException: Client execution"
                                + " did not complete before the specified timeout configuration: 120000 millis")),
                Arguments.of(client("Unable to load credentials from any of the providers in the chain"
                                + " AwsCredentialsProviderChain(...): [SystemPropertyCredentialsProvider(): ...]", null),
                        new AwsFailure(Kind.NO_CREDENTIALS, "NO_CREDENTIALS", 0, "Unable to load credentials from any of"
                                + " the providers in the chain AwsCredentialsProviderChain(...):"
                                + " [SystemPropertyCredentialsProvider(): ...]")),
                Arguments.of(client("Profile file contained no credentials for profile 'ci'", null),
                        new AwsFailure(Kind.NO_CREDENTIALS, "NO_CREDENTIALS", 0,
                                "Profile file contained no credentials for profile 'ci'")),
                Arguments.of(client("Unable to unmarshall response (Unexpected end-of-input).\n(SDK Attempt Count: 3)",
                                new JsonParseException(null, "Unexpected end-of-input")),
                        new AwsFailure(Kind.MALFORMED_RESPONSE, "MALFORMED_RESPONSE", 0,
                                "Unable to unmarshall response (Unexpected end-of-input).")));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void classifies(SdkException e, AwsFailure expected) {
        assertEquals(expected, AwsFailure.of(e));
    }

    @Test
    void aNetworkFailureIsUnreachableWhereverItSitsInTheCauses() {
        SdkClientException wrapped = client("cannot reach apprunner at `http://localhost:1`",
                new java.io.UncheckedIOException(new java.io.IOException("outer", new ConnectException("refused"))));
        assertEquals(Kind.UNREACHABLE, AwsFailure.of(wrapped).kind());
    }
}
