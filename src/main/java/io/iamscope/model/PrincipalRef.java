package io.iamscope.model;

/**
 * A principal that can make requests, as found from what a user typed: a user, a role (acting through a
 * session) or an account's root user ({@code principal} null).
 *
 * @param sessionArn the session ARN typed by the user, for a role; null to let the caller name one
 * @param via        how it was found, for explanations: {@code access key `AKIA...` of user `bob`}
 */
public record PrincipalRef(Kind kind, Principal principal, String accountId, String sessionArn, String via) {

    /** What kind of principal was found. */
    public enum Kind { USER, ROLE, ROOT }

    /** The principal's ARN, or the account root ARN. */
    public String arn() {
        return principal != null ? principal.arn() : "arn:aws:iam::" + accountId + ":root";
    }
}
