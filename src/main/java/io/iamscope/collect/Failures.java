package io.iamscope.collect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an SDK exception into a stable error code and a one-line message for a gap or the final report. */
public final class Failures {
    /** Error code when no credentials could be found. */
    public static final String NO_CREDENTIALS = "NO_CREDENTIALS";

    private Failures() {
    }

    /** An error code and message, both single-line. */
    public record Failure(String code, String message) {
    }

    /** Classifies {@code e}: AWS's own error code when the service answered, else one of ours. */
    public static Failure classify(SdkException e) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() != null ? s.awsErrorDetails().errorCode() : null;
            String message = s.awsErrorDetails() != null ? s.awsErrorDetails().errorMessage() : null;
            if (code == null || code.isBlank()) {
                code = "HTTP_" + s.statusCode();
            }
            return new Failure(code, oneLine(message != null ? message : s.getMessage()));
        }
        if (isUnreachable(e)) {
            return new Failure(Gap.UNREACHABLE, oneLine(rootMessage(e)));
        }
        String text = String.valueOf(e.getMessage());
        // The default chain's message lists every provider it tried; the first sentence says enough.
        if (text.startsWith("Unable to load credentials")) {
            return new Failure(NO_CREDENTIALS, "no aws credentials found (default chain or `--profile`)");
        }
        return new Failure(Gap.MALFORMED_RESPONSE, oneLine(text));
    }

    /** True when {@code e} came from the network rather than from an answer: the endpoint cannot be reached. */
    public static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                    || t instanceof SSLException
                    || (t instanceof IOException && t.getClass().getName().startsWith("org.apache.http"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Collapses whitespace so that a message stays on one line. */
    public static String oneLine(String s) {
        // The SDK appends its attempt count; the report says what failed, not how often it was tried.
        return s == null ? "" : s.replaceAll("\\s+", " ").replaceAll(" \\(SDK Attempt Count: \\d+\\)", "").trim();
    }
}
