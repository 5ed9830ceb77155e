package io.iamscope.policy;

/**
 * Something noticed about a policy while reading or compiling it. The code is stable (UPPER_SNAKE) so that
 * users and CI can filter on it; the message is one lowercase line with user values in backticks.
 */
public record Diagnostic(Severity severity, String code, String message, SourceLocation location) {

    public enum Severity { WARNING, ERROR }

    public static Diagnostic error(String code, String message, SourceLocation location) {
        return new Diagnostic(Severity.ERROR, code, message, location);
    }

    public static Diagnostic warning(String code, String message, SourceLocation location) {
        return new Diagnostic(Severity.WARNING, code, message, location);
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase() + " " + code + ": " + message + ": " + location;
    }
}
