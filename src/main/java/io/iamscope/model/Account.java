package io.iamscope.model;

import java.util.List;

/**
 * One AWS account of a snapshot: its IAM identities and policies, access keys, resources and gaps.
 *
 * @param accessKeysListed whether the account's access keys were listed (the snapshot has an {@code accessKeys}
 *                         field): without it, {@code accessKeys} is empty because nobody looked, and how many keys
 *                         a user holds is unknown (an {@code aws iam get-account-authorization-details} export)
 */
public record Account(String accountId, String alias, List<User> users, List<Group> groups, List<Role> roles,
                      List<ManagedPolicy> policies, List<AccessKey> accessKeys,
                      List<IdentityProvider> identityProviders, List<Resource> resources, List<Gap> gaps,
                      boolean accessKeysListed) {

    public Account {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
        policies = List.copyOf(policies);
        accessKeys = List.copyOf(accessKeys);
        identityProviders = List.copyOf(identityProviders);
        resources = List.copyOf(resources);
        gaps = List.copyOf(gaps);
    }

    /** A copy with more resources (from {@code --resources FILE}). */
    public Account withResources(List<Resource> more) {
        List<Resource> all = new java.util.ArrayList<>(resources);
        all.addAll(more);
        return new Account(accountId, alias, users, groups, roles, policies, accessKeys, identityProviders, all, gaps,
                accessKeysListed);
    }

    /**
     * A copy with these access keys instead of its own (keys read from {@code aws iam list-access-keys}). Whether
     * the account's keys count as listed is kept: a file may hold some users' keys only, so it does not make every
     * user's key count known.
     */
    public Account withAccessKeys(List<AccessKey> keys) {
        return new Account(accountId, alias, users, groups, roles, policies, keys, identityProviders, resources, gaps,
                accessKeysListed);
    }

    /** Users, groups and roles together. */
    public int principalCount() {
        return users.size() + groups.size() + roles.size();
    }

    /** {@code acme-prod (222222222222)}, or the id alone. */
    public String label() {
        return alias == null || alias.isEmpty() ? accountId : alias + " (" + accountId + ")";
    }
}
