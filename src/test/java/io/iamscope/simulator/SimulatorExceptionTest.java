package io.iamscope.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** The simulator's codes and words for each class of SDK failure. */
class SimulatorExceptionTest {

    private static AwsServiceException answer(int status, String code, String message) {
        return AwsServiceException.builder().statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(answer(403, "AccessDenied", "User: x is not authorized"), "SIMULATOR_ACCESS_DENIED",
                        "access denied for `iam:SimulateCustomPolicy`: User: x is not authorized"),
                Arguments.of(answer(400, "Throttling", "Rate exceeded"), "SIMULATOR_THROTTLED",
                        "`iam:SimulateCustomPolicy` still throttled after retries (try a lower `--rate`)"),
                Arguments.of(answer(400, "InvalidInput", "bad arn"), "SIMULATOR_INVALID_INPUT",
                        "the simulator rejected the request: bad arn"),
                Arguments.of(answer(500, "InternalFailure", "oops"), "SIMULATOR_API_ERROR",
                        "`iam:SimulateCustomPolicy` failed with `InternalFailure` (http 500): oops"),
                Arguments.of(SdkClientException.create("Unable to load credentials from any of the providers"),
                        "SIMULATOR_NO_CREDENTIALS", "Unable to load credentials from any of the providers"),
                Arguments.of(SdkClientException.create("Unable to execute HTTP request",
                                new ConnectException("Connection refused")), "SIMULATOR_UNREACHABLE",
                        "cannot reach the iam endpoint `http://localhost:1`: ConnectException: Connection refused"),
                Arguments.of(SdkClientException.create("Unable to unmarshall response"), "SIMULATOR_CLIENT_ERROR",
                        "`iam:SimulateCustomPolicy` failed: Unable to unmarshall response"),
                Arguments.of(answer(400, "InvalidInput", "x".repeat(400)), "SIMULATOR_INVALID_INPUT",
                        "the simulator rejected the request: " + "x".repeat(300) + "..."));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void wordsEachFailureOnOneLineWithItsCode(SdkException e, String code, String message) {
        SimulatorException s = SimulatorException.of(e, "SimulateCustomPolicy", "http://localhost:1");
        assertEquals(code, s.code());
        assertEquals(message, s.getMessage());
    }
}
