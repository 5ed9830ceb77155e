package io.iamscope.model;

/** A SAML or OIDC identity provider of an account. */
public record IdentityProvider(String arn, String type) {
}
