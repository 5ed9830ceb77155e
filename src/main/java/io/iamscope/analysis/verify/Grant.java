package io.iamscope.analysis.verify;

/**
 * One access a report claims: {@code principal} may do {@code action} on {@code resource}; {@code conditional}
 * when the claim holds only under unknown keys.
 */
public record Grant(String principal, String action, String resource, boolean conditional) {
}
