package io.iamscope.simulator;

/**
 * The IAM policy simulator could not be asked: credentials, network, access denied, throttling past retries.
 * Not a policy problem, so not a decision: the CLI prints {@code code: message} on one line and exits 3.
 * Messages never carry credentials.
 */
public final class SimulatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public SimulatorException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A stable UPPER_SNAKE code: SIMULATOR_ACCESS_DENIED, SIMULATOR_NO_CREDENTIALS, SIMULATOR_UNREACHABLE, ... */
    public String code() {
        return code;
    }
}
