package io.iamscope.policy;

/**
 * A policy document that cannot be read at all. Carries a stable code and the location (source and JSON
 * pointer) so the CLI can print one readable line.
 */
public final class PolicyParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient SourceLocation location;

    public PolicyParseException(String code, String message, SourceLocation location) {
        super(message);
        this.code = code;
        this.location = location;
    }

    public String code() {
        return code;
    }

    public SourceLocation location() {
        return location;
    }

    /** One line for a user: {@code POLICY_INVALID_EFFECT: ... : file.json at /Statement/0/Effect}. */
    public String describe() {
        return code + ": " + getMessage() + ": " + location;
    }
}
