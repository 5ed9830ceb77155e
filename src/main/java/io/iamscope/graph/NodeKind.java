package io.iamscope.graph;

/** What a node of the access graph stands for. */
public enum NodeKind {
    USER, ROLE, GROUP,
    /** An account's root user. */
    ROOT,
    /** An account outside the snapshot, named by a trust or resource policy. */
    EXTERNAL_ACCOUNT,
    /** An AWS service principal ({@code lambda.amazonaws.com}). */
    SERVICE,
    /** A SAML or OIDC identity provider (and so whoever can sign in through it). */
    FEDERATED_PROVIDER,
    /** Everyone: {@code "Principal": "*"}. */
    ANYONE
}
