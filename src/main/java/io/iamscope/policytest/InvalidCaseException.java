package io.iamscope.policytest;

/** A case that cannot be run as written: a missing field, a value of the wrong type. */
public final class InvalidCaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidCaseException(String message) {
        super(message);
    }
}
