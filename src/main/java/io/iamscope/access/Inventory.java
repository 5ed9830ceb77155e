package io.iamscope.access;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.match.ActionMatcher;
import io.iamscope.model.AccessKey;
import io.iamscope.model.Account;
import io.iamscope.model.Gap;
import io.iamscope.model.Group;
import io.iamscope.model.InlinePolicy;
import io.iamscope.model.InstanceProfile;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.Principal;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.User;
import io.iamscope.policy.Effect;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The snapshot facts techniques look up, indexed once: who holds each managed policy, which roles stand
 * behind each instance profile, the Lambda functions, Glue dev endpoints and EC2 instances that run with a
 * role, and the users and roles of each account.
 */
public final class Inventory {
    private final SnapshotIndex index;
    private final List<User> users = new ArrayList<>();
    private final List<Role> roles = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final Map<String, List<Principal>> holders = new HashMap<>();
    /** Users by the ARN of each group they are in. */
    private final Map<String, List<User>> members = new HashMap<>();
    private final Map<String, List<Role>> profileRoles = new HashMap<>();
    private final Map<String, List<Role>> rolesByAccount = new HashMap<>();
    private final Map<String, List<User>> usersByAccount = new HashMap<>();
    private final Map<String, Role> rolesByArn = new HashMap<>();
    private final List<Resource> withRole = new ArrayList<>();
    private final List<Resource> instances = new ArrayList<>();
    /** Per account, the instance profiles the snapshot names (in a role's list, or an instance's profile). */
    private final Map<String, java.util.Set<String>> profilesByAccount = new HashMap<>();
    /** Resources by account and CloudFormation type ({@code 111122223333 AWS::ECS::Service}). */
    private final Map<String, List<Resource>> byAccountAndType = new HashMap<>();
    private final Map<Group, List<AttachedPolicy>> groupPolicies = new ConcurrentHashMap<>();
    private final TargetUniverse arns;
    private final List<Resource> withPolicy = new ArrayList<>();
    private final Map<String, Boolean> resourcePolicyAllows = new ConcurrentHashMap<>();
    /** Access keys per user ARN, for the users whose keys are known (see {@link #accessKeySlot}). */
    private final Map<String, Integer> keyCounts = new HashMap<>();
    private volatile TagKeysRead tagKeysRead;
    /** The paths of the service-linked roles, each after its account ({@code 111122223333 /aws-service-role/...}). */
    private final Set<String> serviceLinkedPaths = new HashSet<>();

    public Inventory(SnapshotIndex index) {
        this.index = index;
        for (Account a : index.snapshot().accounts()) {
            users.addAll(a.users());
            roles.addAll(a.roles());
            groups.addAll(a.groups());
            usersByAccount.computeIfAbsent(a.accountId(), k -> new ArrayList<>()).addAll(a.users());
            rolesByAccount.computeIfAbsent(a.accountId(), k -> new ArrayList<>()).addAll(a.roles());
            for (Resource r : a.resources()) {
                byAccountAndType.computeIfAbsent(a.accountId() + " " + r.type(), k -> new ArrayList<>()).add(r);
                if (r.policy() != null) {
                    withPolicy.add(r);
                }
                if (r.roleArn() != null) {
                    withRole.add(r);
                }
                // Not a launch configuration's profile: nothing runs in a launch configuration.
                if (r.instanceProfileArn() != null && (r.type() == null || "AWS::EC2::Instance".equals(r.type()))) {
                    instances.add(r);
                    profilesByAccount.computeIfAbsent(a.accountId(), k -> new java.util.LinkedHashSet<>())
                            .add(r.instanceProfileArn());
                }
            }
        }
        for (User u : users) {
            for (Group g : index.groupsOf(u)) {
                members.computeIfAbsent(g.arn(), k -> new ArrayList<>()).add(u);
            }
        }
        List<Principal> all = new ArrayList<>(users);
        all.addAll(groups);
        all.addAll(roles);
        for (Principal p : all) {
            for (String arn : p.attachedPolicyArns()) {
                holders.computeIfAbsent(arn, k -> new ArrayList<>()).add(p);
            }
        }
        List<String> every = new ArrayList<>();
        all.forEach(p -> every.add(p.arn()));
        index.snapshot().accounts().forEach(a -> a.resources().forEach(r -> every.add(r.arn())));
        this.arns = TargetUniverse.of(every);
        for (Account a : index.snapshot().accounts()) {
            countKeys(a);
        }
        for (Role r : roles) {
            rolesByArn.put(r.arn(), r);
            if (r.serviceLinked()) {
                serviceLinkedPaths.add(r.accountId() + " " + r.path());
            }
            for (InstanceProfile ip : r.instanceProfiles()) {
                profileRoles.computeIfAbsent(ip.arn(), k -> new ArrayList<>()).add(r);
                profilesByAccount.computeIfAbsent(r.accountId(), k -> new java.util.LinkedHashSet<>()).add(ip.arn());
            }
        }
    }

    /**
     * Counts the keys of the account's users whose keys were listed: every user when the account's keys were
     * listed (not when listing the users failed, nor for a user whose own listing failed), else the users whose
     * {@code list-access-keys} output was given. A credential report's active keys raise the count (it shows no
     * inactive key, so it decides alone only when it shows two).
     */
    private void countKeys(Account a) {
        boolean accountListed = a.accessKeysListed() && a.gaps().stream().noneMatch(g -> iamGap(g, "ListUsers"));
        Map<String, Integer> byName = new HashMap<>();
        for (AccessKey k : a.accessKeys()) {
            byName.merge(k.userName(), 1, Integer::sum);
        }
        for (User u : a.users()) {
            boolean listed = a.keysListedFor().contains(u.name()) || accountListed
                    && a.gaps().stream().noneMatch(g -> iamGap(g, "ListAccessKeys")
                    && (g.resource() == null || g.resource().equals(u.arn())));
            Integer reported = a.activeKeysReported().get(u.name());
            if (listed) {
                keyCounts.put(u.arn(), Math.max(byName.getOrDefault(u.name(), 0), reported == null ? 0 : reported));
            } else if (reported != null && reported >= 2) {
                keyCounts.put(u.arn(), reported);
            }
        }
    }

    private static boolean iamGap(Gap g, String operation) {
        return "iam".equals(g.service()) && operation.equals(g.operation());
    }

    /**
     * Whether the user can be given one more access key without deleting one (the snapshot's {@code accessKeys},
     * inactive keys included).
     */
    public AccessKeySlot accessKeySlot(User u) {
        Integer n = keyCounts.get(u.arn());
        return n == null ? AccessKeySlot.UNKNOWN : n >= 2 ? AccessKeySlot.FULL : AccessKeySlot.FREE;
    }

    /** The tag keys the snapshot's policies read (principal and resource tags), read once on first use. */
    public TagKeysRead tagKeysRead() {
        TagKeysRead t = tagKeysRead;
        if (t == null) {
            synchronized (this) {
                t = tagKeysRead;
                if (t == null) {
                    // Once: the techniques ask from every thread of the build at about the same time.
                    t = new TagKeysRead(index.snapshot());
                    tagKeysRead = t;
                }
            }
        }
        return t;
    }

    /** Every user, group, role and resource ARN of the snapshot, for sharing pattern matches between lists. */
    public TargetUniverse arns() {
        return arns;
    }

    public SnapshotIndex index() {
        return index;
    }

    public List<User> users() {
        return users;
    }

    public List<Role> roles() {
        return roles;
    }

    public List<Group> groups() {
        return groups;
    }

    public List<User> users(String account) {
        return usersByAccount.getOrDefault(account, List.of());
    }

    public List<Role> roles(String account) {
        return rolesByAccount.getOrDefault(account, List.of());
    }

    public Role role(String arn) {
        return rolesByArn.get(arn);
    }

    /** The users of a group (groups of the snapshot's users only). */
    public List<User> members(Group g) {
        return members.getOrDefault(g.arn(), List.of());
    }

    /**
     * Whether the account has a service-linked role of the service (a role under
     * {@code /aws-service-role/SERVICE/}).
     */
    public boolean hasServiceLinkedRole(String account, String service) {
        return serviceLinkedPaths.contains(account + " /aws-service-role/" + service + "/");
    }

    /** The users, groups and roles a managed policy is attached to. */
    public List<Principal> holders(String policyArn) {
        return holders.getOrDefault(policyArn, List.of());
    }

    /** The roles of an instance profile (from the roles' {@code InstanceProfileList}). */
    public List<Role> rolesOfProfile(String profileArn) {
        return profileRoles.getOrDefault(profileArn, List.of());
    }

    /** Resources of the given CloudFormation type that run with an execution role ({@code roleArn}). */
    public List<Resource> withRole(String type) {
        return withRole.stream().filter(r -> type.equals(r.type())).toList();
    }

    /** The resources of one account of the given CloudFormation type. */
    public List<Resource> ofType(String account, String type) {
        return byAccountAndType.getOrDefault(account + " " + type, List.of());
    }

    /** EC2 instances with an instance profile. */
    public List<Resource> instancesWithProfile() {
        return instances;
    }

    /** The EC2 instances of one account with an instance profile. */
    public List<Resource> instancesWithProfile(String account) {
        return instances.stream().filter(r -> account.equals(index.accountOf(r.arn()))).toList();
    }

    /**
     * The instance profiles of an account that the snapshot names: in a role's {@code InstanceProfileList}, or as
     * an instance's profile. An empty profile no instance uses is not in the snapshot (the authorization details
     * list profiles under their roles).
     */
    public List<String> instanceProfiles(String account) {
        return List.copyOf(profilesByAccount.getOrDefault(account, java.util.Set.of()));
    }

    public ManagedPolicy managedPolicy(String arn) {
        return index.managedPolicy(arn);
    }

    /**
     * Whether an Allow of some resource policy of the snapshot names the action (resources and principals
     * aside): a necessary condition for a resource policy to grant it to anyone.
     */
    public boolean resourcePolicyMayAllow(String action) {
        return resourcePolicyAllows.computeIfAbsent(action.toLowerCase(Locale.ROOT), a -> {
            for (Resource r : withPolicy) {
                for (Statement s : r.policy().statements()) {
                    if (s.effect() == Effect.ALLOW && s.action() != null && ActionMatcher.compile(s.action()).matches(a)) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    /** A group's inline and attached policies, as the engine takes them (one instance per document). */
    public List<AttachedPolicy> policiesOf(Group g) {
        return groupPolicies.computeIfAbsent(g, k -> {
            List<AttachedPolicy> out = new ArrayList<>();
            for (InlinePolicy i : g.inlinePolicies()) {
                out.add(new AttachedPolicy("group/" + g.name() + " inline `" + i.name() + "`", null, i.document()));
            }
            for (String arn : g.attachedPolicyArns()) {
                ManagedPolicy m = index.managedPolicy(arn);
                if (m != null && m.document() != null) {
                    out.add(new AttachedPolicy(m.name(), m.arn(), m.document()));
                }
            }
            return out;
        });
    }
}
