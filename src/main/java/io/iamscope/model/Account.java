package io.iamscope.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One AWS account of a snapshot: its IAM identities and policies, access keys, resources and gaps.
 *
 * @param accessKeysListed whether the account's access keys were listed (the snapshot has an {@code accessKeys}
 *                         field): without it, {@code accessKeys} is empty because nobody looked, and how many keys
 *                         a user holds is unknown (an {@code aws iam get-account-authorization-details} export)
 * @param keysListedFor    users whose keys were listed one by one ({@code aws iam list-access-keys} output given
 *                         with {@code --access-keys}): their {@code accessKeys} are all they hold, even when the
 *                         account's keys were not listed
 * @param activeKeysReported active access keys per user name, as the account's credential report shows them
 *                         ({@code --credential-report}); the report shows no inactive key, so this is a lower bound
 */
public record Account(String accountId, String alias, List<User> users, List<Group> groups, List<Role> roles,
                      List<ManagedPolicy> policies, List<AccessKey> accessKeys,
                      List<IdentityProvider> identityProviders, List<Resource> resources, List<Gap> gaps,
                      boolean accessKeysListed, Set<String> keysListedFor, Map<String, Integer> activeKeysReported) {

    /** An account as a snapshot holds it: no keys listed per user, no credential report. */
    public Account(String accountId, String alias, List<User> users, List<Group> groups, List<Role> roles,
                   List<ManagedPolicy> policies, List<AccessKey> accessKeys, List<IdentityProvider> identityProviders,
                   List<Resource> resources, List<Gap> gaps, boolean accessKeysListed) {
        this(accountId, alias, users, groups, roles, policies, accessKeys, identityProviders, resources, gaps,
                accessKeysListed, Set.of(), Map.of());
    }

    public Account {
        keysListedFor = Set.copyOf(keysListedFor);
        activeKeysReported = Map.copyOf(activeKeysReported);
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
                accessKeysListed, keysListedFor, activeKeysReported);
    }

    /**
     * A copy with these access keys instead of its own (keys read from {@code aws iam list-access-keys}). Whether
     * the account's keys count as listed is kept: a file may hold some users' keys only, so it does not make every
     * user's key count known.
     */
    public Account withAccessKeys(List<AccessKey> keys) {
        return withAccessKeys(keys, Set.of());
    }

    /**
     * A copy with these access keys, and {@code listed} users whose keys they are all of (a user's
     * {@code list-access-keys} output lists every key it holds, inactive ones too).
     */
    public Account withAccessKeys(List<AccessKey> keys, Set<String> listed) {
        Set<String> all = new java.util.TreeSet<>(keysListedFor);
        all.addAll(listed);
        return new Account(accountId, alias, users, groups, roles, policies, keys, identityProviders, resources, gaps,
                accessKeysListed, all, activeKeysReported);
    }

    /** A copy with the active keys per user its credential report shows (added to any already known). */
    public Account withActiveKeysReported(Map<String, Integer> reported) {
        Map<String, Integer> all = new java.util.TreeMap<>(activeKeysReported);
        all.putAll(reported);
        return new Account(accountId, alias, users, groups, roles, policies, accessKeys, identityProviders, resources,
                gaps, accessKeysListed, keysListedFor, all);
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
