package io.iamscope.aws;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What went wrong with one AWS call, whichever client made it: the one classification of SDK failures that
 * {@code collect} (gaps) and {@code simulator} (its errors) word each in their own way.
 *
 * @param kind    the class of failure
 * @param code    AWS's error code when the service answered ({@code AccessDenied}, or {@code HTTP_<status>} when
 *                it gave none); else the kind's name ({@code UNREACHABLE}, {@code NO_CREDENTIALS},
 *                {@code MALFORMED_RESPONSE})
 * @param status  the HTTP status of the answer, 0 when there was none
 * @param message one line: AWS's message when it gave one, else the SDK's ({@code ConnectException: ...} for a
 *                network failure)
 */
public record AwsFailure(Kind kind, String code, int status, String message) {

    /** The classes of failure; the first four are answers of the service, the rest happened on our side. */
    public enum Kind {
        /** HTTP 403 or an access-denied code: the caller's policies, an SCP or rejected credentials. */
        ACCESS_DENIED,
        /** Throttled, still after the SDK's retries. */
        THROTTLED,
        /** The service rejected the request's parameters. */
        INVALID_INPUT,
        /** Any other error the service answered with. */
        SERVICE_ERROR,
        /** The endpoint could not be reached: connection, DNS, TLS, timeouts. */
        UNREACHABLE,
        /** No credentials could be found or loaded. */
        NO_CREDENTIALS,
        /** Anything else on our side, most often a response the SDK could not read. */
        MALFORMED_RESPONSE
    }

    /** Classifies {@code e}. */
    public static AwsFailure of(SdkException e) {
        if (e instanceof AwsServiceException s) {
            return answered(s);
        }
        // Before the network test: a credentials source that failed on the network (SSO portal, instance
        // metadata) is still a credentials failure, and its line names the source.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CredentialsFailure c) {
                return new AwsFailure(Kind.NO_CREDENTIALS, Kind.NO_CREDENTIALS.name(), 0, oneLine(c.getMessage()));
            }
        }
        if (isUnreachable(e)) {
            return new AwsFailure(Kind.UNREACHABLE, Kind.UNREACHABLE.name(), 0, oneLine(rootCause(e)));
        }
        if (e instanceof SdkClientException && mentionsCredentials(e)) {
            return new AwsFailure(Kind.NO_CREDENTIALS, Kind.NO_CREDENTIALS.name(), 0, oneLine(e.getMessage()));
        }
        return new AwsFailure(Kind.MALFORMED_RESPONSE, Kind.MALFORMED_RESPONSE.name(), 0, oneLine(e.getMessage()));
    }

    private static AwsFailure answered(AwsServiceException s) {
        String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
        String message = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorMessage();
        if (code == null || code.isBlank()) {
            code = "HTTP_" + s.statusCode();
        }
        Kind kind;
        if (s.statusCode() == 403 || "AccessDenied".equals(code) || "AccessDeniedException".equals(code)) {
            kind = Kind.ACCESS_DENIED;
        } else if (s.isThrottlingException()) {
            kind = Kind.THROTTLED;
        } else if ("InvalidInput".equals(code) || "PolicyEvaluation".equals(code)
                || "MalformedPolicyDocument".equals(code)) {
            // IAM's codes for a request it cannot evaluate (IAM API Reference, SimulateCustomPolicy: Errors).
            kind = Kind.INVALID_INPUT;
        } else {
            kind = Kind.SERVICE_ERROR;
        }
        return new AwsFailure(kind, code, s.statusCode(), oneLine(message != null ? message : s.getMessage()));
    }

    /** True when {@code e} came from the network rather than from an answer: the endpoint cannot be reached. */
    private static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // SocketException covers refused connections (ConnectException), no route and resets.
            if (t instanceof SocketException || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException || t instanceof SSLException
                    || t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
                    || (t instanceof IOException && t.getClass().getName().startsWith("org.apache.http"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsCredentials(Throwable e) {
        // The SDK's providers say so in words: "Unable to load credentials from any of the providers in the
        // chain", "Profile file contained no credentials for profile ...".
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("credentials")) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Collapses whitespace so that a message stays on one line. */
    private static String oneLine(String s) {
        // The SDK appends its attempt count; a report says what failed, not how often it was tried.
        return s == null ? "" : s.replaceAll("\\s+", " ").replaceAll(" \\(SDK Attempt Count: \\d+\\)", "").trim();
    }
}
