package io.iamscope.model.io.planned;

import io.iamscope.model.AccessKey;
import io.iamscope.model.Account;
import io.iamscope.model.Group;
import io.iamscope.model.InlinePolicy;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.OrgPolicy;
import io.iamscope.model.Organization;
import io.iamscope.model.Principal;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.S3PublicAccessBlock;
import io.iamscope.model.Snapshot;
import io.iamscope.model.User;
import io.iamscope.model.io.SnapshotException;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Planned IAM changes applied to one account of a snapshot, whatever wrote them (a Terraform plan, a CloudFormation
 * template): principals and managed policies put or removed, then inline policies, attachments and group
 * memberships changed on principals that exist in the account or the change; resource-based policies put on the
 * account's resources; the organization's SCPs and RCPs put, removed and attached. Each change names its source (a
 * resource address or a logical id), which the report shows; what cannot be applied is a warning naming it, never
 * a silent "no access".
 */
public final class IamApplier {
    /** The principals an attachment can be for. */
    public enum Kind { ROLE, USER, GROUP }

    private final Snapshot base;
    private final Account account;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final Map<String, OrgPolicy> orgPolicies = new LinkedHashMap<>();
    private final List<AccessKey> accessKeys = new ArrayList<>();
    private boolean orgChanged;
    /** The account's Block Public Access settings once the change sets or removes them (null: removed). */
    private Map<String, Object> accountBlock;
    private boolean accountBlockChanged;
    private String accountBlockSource;
    private final List<String> unknownKeys = new ArrayList<>();
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private int applied;
    /** While set, the source every change is recorded under (a nested stack's logical id in its root template). */
    private String sourceAlias;

    /** Changes to {@code accountId}, which must be one of the snapshot's accounts ({@code file} for the error). */
    public IamApplier(Snapshot base, String accountId, String file) {
        this.base = base;
        this.account = base.account(accountId);
        if (account == null) {
            throw new SnapshotException("PLAN_ACCOUNT_UNKNOWN", "account " + accountId + " is not in the snapshot",
                    SourceLocation.of(file));
        }
        account.users().forEach(u -> users.put(u.name(), u));
        account.groups().forEach(g -> groups.put(g.name(), g));
        account.roles().forEach(r -> roles.put(r.name(), r));
        account.policies().forEach(p -> policies.put(p.arn(), p));
        account.resources().forEach(r -> resources.put(r.arn(), r));
        // The account's settings as the snapshot has them (on each bucket): new buckets get them too.
        account.resources().stream().filter(r -> r.properties().get(S3PublicAccessBlock.ACCOUNT) instanceof Map)
                .findFirst().ifPresent(r -> accountBlock = copy((Map<?, ?>) r.properties().get(S3PublicAccessBlock.ACCOUNT)));
        accessKeys.addAll(account.accessKeys());
        if (base.organization() != null) {
            base.organization().policies().forEach(p -> orgPolicies.put(p.id(), p));
        }
    }

    public String accountId() {
        return account.accountId();
    }

    /** The account's partition, from its principals' ARNs ({@code aws} when it has none). */
    public String partition() {
        return account.roles().stream().map(Role::arn).findFirst()
                .or(() -> account.users().stream().map(User::arn).findFirst())
                .map(io.iamscope.policy.Arn::partitionOf).orElse("aws");
    }

    public Role role(String name) {
        return roles.get(name);
    }

    public User user(String name) {
        return users.get(name);
    }

    public Group group(String name) {
        return groups.get(name);
    }

    /** The account's managed policy of that ARN, from the snapshot or the change, or null. */
    public ManagedPolicy policy(String arn) {
        return policies.get(arn);
    }

    /** Adds an access key of a user (a key made while the account was watched: its user then holds it). */
    public void addAccessKey(AccessKey k) {
        accessKeys.add(k);
        applied++;
    }

    public void putRole(Role r, String source) {
        roles.put(r.name(), r);
        addresses.put(r.arn(), source(source));
        applied++;
    }

    public void putUser(User u, String source) {
        users.put(u.name(), u);
        addresses.put(u.arn(), source(source));
        applied++;
    }

    public void putGroup(Group g, String source) {
        groups.put(g.name(), g);
        addresses.put(g.arn(), source(source));
        applied++;
    }

    public void putPolicy(ManagedPolicy p, String source) {
        policies.put(p.arn(), p);
        addresses.put(p.arn(), source(source));
        applied++;
    }

    /** Removes the principal of that kind and name (or the managed policy of that ARN, with a null kind). */
    public void remove(Kind kind, String nameOrArn) {
        if (kind == null) {
            policies.remove(nameOrArn);
        } else {
            switch (kind) {
                case ROLE -> roles.remove(nameOrArn);
                case USER -> users.remove(nameOrArn);
                case GROUP -> groups.remove(nameOrArn);
            }
        }
        applied++;
    }

    /** Puts (or, with a null document, removes) the principal's inline policy of that name. */
    public void inline(Kind kind, String principal, String source, String policyName, PolicyDocument document) {
        change(kind, principal, source, old -> {
            List<InlinePolicy> inline = new ArrayList<>();
            for (InlinePolicy p : old.inlinePolicies()) {
                if (!p.name().equals(policyName)) {
                    inline.add(p);
                }
            }
            if (document != null) {
                inline.add(new InlinePolicy(policyName, document));
            }
            return with(old, inline, old.attachedPolicyArns());
        });
    }

    /** Attaches (or detaches) the managed policy of that ARN to the principal. */
    public void attach(Kind kind, String principal, String source, String arn, boolean remove) {
        change(kind, principal, source, old -> {
            Set<String> attached = new LinkedHashSet<>(old.attachedPolicyArns());
            if (remove) {
                attached.remove(arn);
            } else {
                attached.add(arn);
            }
            return with(old, old.inlinePolicies(), List.copyOf(attached));
        });
    }

    /** Adds the user to (or removes it from) the groups. */
    public void groups(String user, String source, List<String> requested, boolean remove) {
        // IAM refuses to add a user to a group that does not exist (AddUserToGroup: NoSuchEntity).
        List<String> names = new ArrayList<>();
        for (String g : requested) {
            String name = g.startsWith("arn:") ? g.substring(g.lastIndexOf('/') + 1) : g;
            if (groups.containsKey(name)) {
                names.add(name);
            } else {
                warnings.add(source + ": no group `" + g + "` in the account or the plan: not applied");
            }
        }
        if (names.isEmpty()) {
            return;
        }
        change(Kind.USER, user, source, old -> {
            User x = (User) old;
            Set<String> groupNames = new LinkedHashSet<>(x.groupNames());
            if (remove) {
                names.forEach(groupNames::remove);
            } else {
                groupNames.addAll(names);
            }
            return new User(x.arn(), x.name(), x.path(), x.id(), x.accountId(), x.createDate(), x.inlinePolicies(),
                    x.attachedPolicyArns(), x.boundaryArn(), List.copyOf(groupNames), x.tags());
        });
    }

    /** Replaces the user as {@code change} says, when it exists (a warning naming the source otherwise). */
    public void changeUser(String name, String source, UnaryOperator<User> change) {
        change(Kind.USER, name, source, old -> change.apply((User) old));
    }

    /** Replaces the role as {@code change} says, when it exists (a warning naming the source otherwise). */
    public void changeRole(String name, String source, UnaryOperator<Role> change) {
        change(Kind.ROLE, name, source, old -> change.apply((Role) old));
    }

    /** The account's resource of that ARN, from the snapshot or the change, or null. */
    public Resource resource(String arn) {
        return resources.get(arn);
    }

    /** The ARNs of the account's resources, from the snapshot or the change. */
    public Set<String> resourceArns() {
        return java.util.Collections.unmodifiableSet(resources.keySet());
    }

    /** Puts the resource (a new one, or one whose policy the change sets). */
    public void putResource(Resource r, String source) {
        resources.put(r.arn(), r);
        addresses.put(r.arn(), source(source));
        applied++;
    }

    /**
     * Sets (null: removes) the account's S3 Block Public Access settings: written on each bucket of the account, those
     * the change creates included, as {@link S3PublicAccessBlock#ACCOUNT}.
     */
    public void accountPublicAccessBlock(Map<String, Object> settings, String source) {
        accountBlock = settings;
        accountBlockChanged = true;
        accountBlockSource = source;
        applied++;
    }

    /**
     * Records every change from now on under {@code alias} (null: under its own source): the resources of a nested
     * stack are reported at the stack's resource in the template given, the file a reader of the report has.
     */
    public void sourceAs(String alias) {
        sourceAlias = alias;
    }

    /** The source changes are recorded under, alias or not. */
    public String sourceAlias() {
        return sourceAlias;
    }

    private String source(String source) {
        return sourceAlias != null ? sourceAlias : source;
    }

    /** Whether the snapshot has the organization, which SCP and RCP changes need. */
    public boolean hasOrganization() {
        return base.organization() != null;
    }

    /** The organization's SCP or RCP of that id, from the snapshot or the change, or null. */
    public OrgPolicy orgPolicy(String id) {
        return orgPolicies.get(id);
    }

    /** Puts (or, with a null policy, removes) the organization's SCP or RCP of that id. */
    public void putOrgPolicy(String id, OrgPolicy p, String source) {
        if (p == null) {
            orgPolicies.remove(id);
        } else {
            orgPolicies.put(id, p);
            addresses.put(p.arn() == null ? id : p.arn(), source(source));
        }
        orgChanged = true;
        applied++;
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    /** A condition key that stands for a value unknown until the change is applied. */
    public void unknownKey(String key) {
        if (!unknownKeys.contains(key)) {
            unknownKeys.add(key);
        }
    }

    /** The snapshot with the changes made so far. */
    public PlannedSnapshot result() {
        if (accountBlockChanged || accountBlock != null) {
            for (Resource r : List.copyOf(resources.values())) {
                if ("AWS::S3::Bucket".equals(r.type())
                        && !java.util.Objects.equals(r.properties().get(S3PublicAccessBlock.ACCOUNT), accountBlock)) {
                    resources.put(r.arn(), PublicAccessBlocks.withProperty(r, r.arn(), r.region(),
                            S3PublicAccessBlock.ACCOUNT, accountBlock));
                }
            }
        }
        Map<String, Resource> baseResources = new java.util.HashMap<>();
        account.resources().forEach(r -> baseResources.put(r.arn(), r));
        for (Resource r : resources.values()) {
            Resource before = baseResources.get(r.arn());
            String source = addresses.getOrDefault(r.arn(), accountBlockSource);
            String rejected = PublicAccessBlocks.rejectedPolicy(before, r, source);
            if (rejected != null && !warnings.contains(rejected)) {
                warnings.add(rejected);
            }
        }
        Account a = account;
        Account changed = new Account(a.accountId(), a.alias(), List.copyOf(users.values()),
                List.copyOf(groups.values()), List.copyOf(roles.values()), List.copyOf(policies.values()),
                List.copyOf(accessKeys), a.identityProviders(), List.copyOf(resources.values()), a.gaps(),
                a.accessKeysListed(), a.keysListedFor(), a.activeKeysReported());
        List<Account> accounts = base.accounts().stream()
                .map(x -> x.accountId().equals(a.accountId()) ? changed : x).toList();
        Organization org = base.organization();
        if (orgChanged) {
            org = Organization.of(org.id(), org.managementAccountId(), org.roots(), org.organizationalUnits(),
                    org.accounts(), List.copyOf(orgPolicies.values()), org.delegatedAdministrators());
        }
        Snapshot after = new Snapshot(base.formatVersion(), base.collectedAt(), base.collectedBy(), org, accounts);
        return new PlannedSnapshot(after, unknownKeys, addresses, warnings, applied);
    }

    private void change(Kind kind, String nameOrArn, String source, UnaryOperator<Principal> change) {
        String name = nameOf(nameOrArn);
        Principal old = switch (kind) {
            case ROLE -> roles.get(name);
            case USER -> users.get(name);
            case GROUP -> groups.get(name);
        };
        if (old == null) {
            warnings.add(source + ": no " + kind.name().toLowerCase(java.util.Locale.ROOT) + " `" + nameOrArn
                    + "` in the account or the change: not applied");
            return;
        }
        Principal changed = change.apply(old);
        switch (kind) {
            case ROLE -> roles.put(name, (Role) changed);
            case USER -> users.put(name, (User) changed);
            case GROUP -> groups.put(name, (Group) changed);
        }
        addresses.putIfAbsent(old.arn(), source(source));
        applied++;
    }

    private static Principal with(Principal old, List<InlinePolicy> inline, List<String> attached) {
        if (old instanceof Role x) {
            return new Role(x.arn(), x.name(), x.path(), x.id(), x.accountId(), x.createDate(), x.trustPolicy(),
                    inline, attached, x.boundaryArn(), x.instanceProfiles(), x.lastUsed(), x.tags());
        }
        if (old instanceof User x) {
            return new User(x.arn(), x.name(), x.path(), x.id(), x.accountId(), x.createDate(), inline, attached,
                    x.boundaryArn(), x.groupNames(), x.tags());
        }
        Group x = (Group) old;
        return new Group(x.arn(), x.name(), x.path(), x.id(), x.accountId(), inline, attached);
    }

    /** A name, or the last part of an ARN given where a name is expected. */
    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String nameOf(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    }
}
