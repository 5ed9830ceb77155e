package io.iamscope.analysis.blast;

/**
 * A credential of the start or of a principal it can reach, with what the snapshot says of its last use: the
 * first thing a responder looks up and the first thing they revoke.
 *
 * @param principal       the user or role ARN
 * @param kind            {@code access-key} (a user's key) or {@code role} (the role's own last use)
 * @param id              the access key id, or the role's name
 * @param status          {@code Active} or {@code Inactive} for a key; null for a role
 * @param created         the key's or role's creation date, or null
 * @param lastUsed        when last used, or null when never (in the tracking period) or unknown
 * @param lastUsedService the service a key last called, or null
 * @param lastUsedRegion  the region of the last use, or null
 * @param start           whether it belongs to the start (the known foothold)
 */
public record CredentialUse(String principal, String kind, String id, String status, String created, String lastUsed,
                            String lastUsedService, String lastUsedRegion, boolean start) {
}
