package io.iamscope.eval;

/**
 * A statement that applied to the request: definitely ({@code when} is TRUE) or under a constraint on
 * unknown keys.
 */
public record MatchedStatement(StatementRef ref, Constraint when) {
}
