package io.iamscope.simulator;

import io.iamscope.aws.AwsFailure;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The IAM policy simulator could not be asked: credentials, network, access denied, throttling past retries.
 * Not a policy problem, so not a decision: the CLI prints {@code code: message} on one line and exits 3.
 * Messages never carry credentials.
 */
public final class SimulatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** AWS's messages can be long (a policy echoed back); one line stays readable. */
    private static final int MAX_DETAIL = 300;

    private final String code;

    public SimulatorException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A stable UPPER_SNAKE code: SIMULATOR_ACCESS_DENIED, SIMULATOR_NO_CREDENTIALS, SIMULATOR_UNREACHABLE, ... */
    public String code() {
        return code;
    }

    /** The simulator's words for a failed call of {@code iam:operation} to {@code endpoint} (null: AWS's). */
    static SimulatorException of(SdkException e, String operation, String endpoint) {
        AwsFailure f = AwsFailure.of(e);
        String detail = f.message().isEmpty() ? "" : ": " + clip(f.message());
        return switch (f.kind()) {
            case ACCESS_DENIED -> new SimulatorException("SIMULATOR_ACCESS_DENIED", "access denied for `iam:"
                    + operation + "`" + detail, e);
            case THROTTLED -> new SimulatorException("SIMULATOR_THROTTLED", "`iam:" + operation
                    + "` still throttled after retries (try a lower `--rate`)", e);
            case INVALID_INPUT -> new SimulatorException("SIMULATOR_INVALID_INPUT", "the simulator rejected the"
                    + " request" + detail, e);
            case SERVICE_ERROR -> new SimulatorException("SIMULATOR_API_ERROR", "`iam:" + operation + "` failed with `"
                    + f.code() + "` (http " + f.status() + ")" + detail, e);
            case NO_CREDENTIALS -> new SimulatorException("SIMULATOR_NO_CREDENTIALS", f.message(), e);
            case UNREACHABLE -> new SimulatorException("SIMULATOR_UNREACHABLE", "cannot reach the iam endpoint"
                    + (endpoint == null ? "" : " `" + endpoint + "`") + detail, e);
            case MALFORMED_RESPONSE -> new SimulatorException("SIMULATOR_CLIENT_ERROR", "`iam:" + operation
                    + "` failed" + detail, e);
        };
    }

    private static String clip(String line) {
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "..." : line;
    }
}
