package io.iamscope.collect;

/**
 * Nothing could be collected: no credentials, the endpoint cannot be reached, the identity cannot be read.
 * Its message is one line meant for the user.
 */
public final class CollectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    /** A failure with a stable code such as {@code NO_CREDENTIALS} or {@code UNREACHABLE}. */
    public CollectException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The stable UPPER_SNAKE code. */
    public String code() {
        return code;
    }
}
