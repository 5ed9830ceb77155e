package io.iamscope.simulator;

import java.io.IOException;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an SDK failure into a one-line {@link SimulatorException} with a stable code. */
final class Failures {
    private Failures() {
    }

    static SimulatorException of(SdkException e, String operation, String endpoint) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorMessage();
            String detail = oneLine(message == null ? "" : ": " + message);
            if (s.statusCode() == 403 || "AccessDenied".equals(code) || "AccessDeniedException".equals(code)) {
                return new SimulatorException("SIMULATOR_ACCESS_DENIED", "access denied for `iam:" + operation
                        + "`" + detail, e);
            }
            if (s.isThrottlingException()) {
                return new SimulatorException("SIMULATOR_THROTTLED", "`iam:" + operation
                        + "` still throttled after retries (try a lower `--rate`)", e);
            }
            if ("InvalidInput".equals(code) || "PolicyEvaluation".equals(code)
                    || "MalformedPolicyDocument".equals(code)) {
                return new SimulatorException("SIMULATOR_INVALID_INPUT", "the simulator rejected the request"
                        + detail, e);
            }
            return new SimulatorException("SIMULATOR_API_ERROR", "`iam:" + operation + "` failed with `" + code
                    + "` (http " + s.statusCode() + ")" + detail, e);
        }
        if (e instanceof SdkClientException && mentionsCredentials(e)) {
            return new SimulatorException("SIMULATOR_NO_CREDENTIALS", "no aws credentials found (set a profile"
                    + " with `--profile` or the usual aws environment variables)", e);
        }
        if (causedBy(e, IOException.class)) {
            return new SimulatorException("SIMULATOR_UNREACHABLE", "cannot reach the iam endpoint"
                    + (endpoint == null ? "" : " `" + endpoint + "`") + ": " + oneLine(rootMessage(e)), e);
        }
        return new SimulatorException("SIMULATOR_CLIENT_ERROR", "`iam:" + operation + "` failed: "
                + oneLine(e.getMessage()), e);
    }

    private static boolean mentionsCredentials(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("credentials")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
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
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
