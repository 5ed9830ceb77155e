package io.iamscope.eval.match;

/**
 * How a resource policy's {@code Principal} covers a caller, strongest last. The kind matters to AWS's
 * evaluation: naming the account delegates to the account's identity policies; naming a role (for one of its
 * sessions) or a user (for its federated session) grants but is limited by the session's boundary and session
 * policies; naming the caller itself (or everyone) grants outright within the account.
 */
public enum PrincipalMatch {
    NONE, ACCOUNT, PARENT, EXACT
}
