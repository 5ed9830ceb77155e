package io.iamscope.model;

/**
 * A snapshot that is inconsistent or a lookup that cannot be answered: a stable UPPER_SNAKE code and one
 * lowercase line with user values in backticks.
 */
public class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public ModelException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
