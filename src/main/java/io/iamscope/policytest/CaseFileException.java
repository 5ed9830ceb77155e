package io.iamscope.policytest;

/** A case file that cannot be read at all (not JSON Lines, not a JSON array). */
public final class CaseFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CaseFileException(String message) {
        super(message);
    }
}
