package io.iamscope.cli;

/** A mistake in what the user asked for (a missing file, a bad option value), printed as one line. */
public final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
