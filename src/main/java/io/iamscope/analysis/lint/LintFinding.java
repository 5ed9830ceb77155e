package io.iamscope.analysis.lint;

/**
 * A name in a policy document that the catalog does not know.
 *
 * @param code    stable code: {@code UNKNOWN_ACTION}, {@code UNKNOWN_SERVICE}, {@code MALFORMED_ACTION} or
 *                {@code UNKNOWN_CONDITION_KEY}
 * @param pointer the JSON pointer of the offending value or key, e.g. {@code /Statement/0/Action/1}
 * @param message one lowercase line, user values in backticks
 */
public record LintFinding(String code, String pointer, String message) {
}
