package io.iamscope.model;

/** When and where a role was last used; both null when never used in the tracking period. */
public record RoleLastUsed(String lastUsedDate, String region) {
}
