package io.iamscope.eval;

/** What kind of identity makes a request; decides which policy layers apply. */
public enum CallerKind {
    /** An IAM user with long-term credentials. */
    USER,
    /** An assumed-role session ({@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}). */
    ROLE_SESSION,
    /** A GetFederationToken session ({@code arn:aws:sts::ACCOUNT:federated-user/NAME}). */
    FEDERATED_USER,
    /** The account's root user: identity policies and boundaries do not apply to it. */
    ROOT,
    /** An AWS service principal such as {@code lambda.amazonaws.com}. */
    SERVICE,
    /** A web-identity or SAML identity provider's user, before it assumes a role. */
    FEDERATED,
    /** An unauthenticated caller. */
    ANONYMOUS
}
