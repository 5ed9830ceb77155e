package io.iamscope.model.io.cloudtrail;

import io.iamscope.model.AccessKey;
import io.iamscope.model.Group;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.PolicyVersion;
import io.iamscope.model.Role;
import io.iamscope.model.Snapshot;
import io.iamscope.model.User;
import io.iamscope.model.io.planned.IamApplier;
import io.iamscope.model.io.planned.IamApplier.Kind;
import io.iamscope.model.io.planned.PlannedSnapshot;
import io.iamscope.model.io.planned.UnknownDocument;
import io.iamscope.model.trail.TrailEvent;
import io.iamscope.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM and resource-policy changes CloudTrail logged, applied to a snapshot through the overlay {@code check}
 * applies planned changes with ({@link IamApplier}). Each change is applied to the account of the caller (IAM calls,
 * and the resource-policy calls mapped here, act on the caller's own account), in the order given, which must be
 * time order. Parameter names are those of the IAM API Reference, as CloudTrail logs them in
 * {@code requestParameters}; a document the record does not carry whole is unknown, conditional
 * ({@link EventValues#document}). Calls that change no permission (a login profile, an SSH key, an MFA device) are
 * not applied: they are credentials to revoke, listed by the trail report.
 */
public final class CloudTrailOverlay {
    private final IamApplier to;
    private final EventValues v;
    private final TrailEvent e;

    private CloudTrailOverlay(IamApplier to, TrailEvent e) {
        this.to = to;
        this.e = e;
        this.v = new EventValues(e, to);
    }

    /**
     * {@code base} with the successful {@code changes} applied in order; what cannot be applied (an account the
     * snapshot does not hold, a principal that is not there) is a warning naming the call and its time.
     */
    public static PlannedSnapshot apply(Snapshot base, List<TrailEvent> changes) {
        Snapshot at = base;
        List<String> unknown = new ArrayList<>();
        Map<String, String> addresses = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        int applied = 0;
        int i = 0;
        while (i < changes.size()) {
            String account = changes.get(i).identity().accountId();
            if (account == null || at.account(account) == null) {
                warnings.add(EventValues.source(changes.get(i)) + ": account " + account
                        + " is not in the snapshot: not applied");
                i++;
                continue;
            }
            // One applier per run of changes to the same account: the applier changes one account.
            IamApplier to = new IamApplier(at, account, "CloudTrail");
            for (; i < changes.size() && account.equals(changes.get(i).identity().accountId()); i++) {
                if (!changes.get(i).failed()) {
                    new CloudTrailOverlay(to, changes.get(i)).apply();
                }
            }
            PlannedSnapshot step = to.result();
            at = step.snapshot();
            step.unknownKeys().stream().filter(k -> !unknown.contains(k)).forEach(unknown::add);
            addresses.putAll(step.addresses());
            warnings.addAll(step.warnings());
            applied += step.applied();
        }
        return new PlannedSnapshot(at, unknown, addresses, warnings, applied);
    }

    /** Whether the overlay applies calls of this event name (others change no permission it models). */
    public static boolean applies(String eventName) {
        return IAM_CALLS.contains(eventName) || CloudTrailResourcePolicies.applies(eventName);
    }

    private static final java.util.Set<String> IAM_CALLS = java.util.Set.of("CreateUser", "DeleteUser", "CreateRole",
            "DeleteRole", "CreateGroup", "DeleteGroup", "CreateAccessKey", "AttachUserPolicy", "AttachRolePolicy",
            "AttachGroupPolicy", "DetachUserPolicy", "DetachRolePolicy", "DetachGroupPolicy", "PutUserPolicy",
            "PutRolePolicy", "PutGroupPolicy", "DeleteUserPolicy", "DeleteRolePolicy", "DeleteGroupPolicy",
            "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "SetDefaultPolicyVersion", "DeletePolicyVersion",
            "UpdateAssumeRolePolicy", "AddUserToGroup", "RemoveUserFromGroup", "PutUserPermissionsBoundary",
            "PutRolePermissionsBoundary", "DeleteUserPermissionsBoundary", "DeleteRolePermissionsBoundary");

    /** The request parameter a call cannot be applied without (IAM API Reference: each call's required ones). */
    private static final Map<String, String> NAMED_BY = Map.ofEntries(Map.entry("CreateUser", "userName"),
            Map.entry("DeleteUser", "userName"), Map.entry("CreateRole", "roleName"), Map.entry("DeleteRole", "roleName"),
            Map.entry("CreateGroup", "groupName"), Map.entry("DeleteGroup", "groupName"),
            Map.entry("DeletePolicy", "policyArn"), Map.entry("AttachUserPolicy", "policyArn"),
            Map.entry("AttachRolePolicy", "policyArn"), Map.entry("AttachGroupPolicy", "policyArn"),
            Map.entry("DetachUserPolicy", "policyArn"), Map.entry("DetachRolePolicy", "policyArn"),
            Map.entry("DetachGroupPolicy", "policyArn"), Map.entry("PutUserPolicy", "policyName"),
            Map.entry("PutRolePolicy", "policyName"), Map.entry("PutGroupPolicy", "policyName"),
            Map.entry("DeleteUserPolicy", "policyName"), Map.entry("DeleteRolePolicy", "policyName"),
            Map.entry("DeleteGroupPolicy", "policyName"), Map.entry("CreatePolicy", "policyName"),
            Map.entry("CreatePolicyVersion", "policyArn"), Map.entry("SetDefaultPolicyVersion", "versionId"),
            Map.entry("DeletePolicyVersion", "versionId"), Map.entry("UpdateAssumeRolePolicy", "roleName"),
            Map.entry("AddUserToGroup", "groupName"), Map.entry("RemoveUserFromGroup", "groupName"),
            Map.entry("PutUserPermissionsBoundary", "userName"), Map.entry("DeleteUserPermissionsBoundary", "userName"),
            Map.entry("PutRolePermissionsBoundary", "roleName"),
            Map.entry("DeleteRolePermissionsBoundary", "roleName"));

    private void apply() {
        String source = v.source();
        String named = NAMED_BY.get(e.name());
        if (named != null && v.text(named) == null) {
            to.warn(source + ": the record does not name the " + named + ": not applied");
            return;
        }
        switch (e.name()) {
            case "CreateUser" -> {
                String name = v.text("userName");
                to.putUser(new User(v.iamArn("user", v.path(), name), name, v.path(), source, to.accountId(),
                        e.time().toString(), List.of(), List.of(), v.text("permissionsBoundary"), List.of(),
                        Map.of()), source);
            }
            case "CreateRole" -> {
                String name = v.text("roleName");
                PolicyDocument trust = v.document("assumeRolePolicyDocument", UnknownDocument.TRUST);
                to.putRole(new Role(v.iamArn("role", v.path(), name), name, v.path(), source, to.accountId(),
                        e.time().toString(), trust, List.of(), List.of(), v.text("permissionsBoundary"), List.of(),
                        null, Map.of()), source);
            }
            case "CreateGroup" -> {
                String name = v.text("groupName");
                to.putGroup(new Group(v.iamArn("group", v.path(), name), name, v.path(), source, to.accountId(),
                        List.of(), List.of()), source);
            }
            case "DeleteUser" -> to.remove(Kind.USER, v.text("userName"));
            case "DeleteRole" -> to.remove(Kind.ROLE, v.text("roleName"));
            case "DeleteGroup" -> to.remove(Kind.GROUP, v.text("groupName"));
            case "DeletePolicy" -> to.remove(null, v.text("policyArn"));
            case "CreateAccessKey" -> {
                if (e.issuedKey() != null) {
                    String user = e.issuedKey().principalArn();
                    to.addAccessKey(new AccessKey(e.issuedKey().accessKeyId(), user.substring(user.lastIndexOf('/') + 1),
                            "Active", e.time().toString(), null, null, null));
                }
            }
            case "AttachUserPolicy", "AttachRolePolicy", "AttachGroupPolicy",
                 "DetachUserPolicy", "DetachRolePolicy", "DetachGroupPolicy" -> {
                Kind kind = kind(e.name());
                String arn = v.text("policyArn");
                boolean detach = e.name().startsWith("Detach");
                if (!detach) {
                    known(arn);
                }
                to.attach(kind, principal(kind), source, arn, detach);
            }
            case "PutUserPolicy", "PutRolePolicy", "PutGroupPolicy" -> {
                Kind kind = kind(e.name());
                to.inline(kind, principal(kind), source, v.text("policyName"),
                        v.document("policyDocument", UnknownDocument.IDENTITY));
            }
            case "DeleteUserPolicy", "DeleteRolePolicy", "DeleteGroupPolicy" -> {
                Kind kind = kind(e.name());
                to.inline(kind, principal(kind), source, v.text("policyName"), null);
            }
            case "CreatePolicy" -> {
                String name = v.text("policyName");
                String arn = v.iamArn("policy", v.path(), name);
                to.putPolicy(new ManagedPolicy(arn, name, source, v.path(), "v1", List.of(new PolicyVersion("v1",
                        true, e.time().toString(), v.document("policyDocument", UnknownDocument.IDENTITY)))), source);
            }
            case "CreatePolicyVersion" -> new PolicyVersions(to, v).create(v.text("policyArn"),
                    v.document("policyDocument", UnknownDocument.IDENTITY), v.flag("setAsDefault"), e.time());
            case "SetDefaultPolicyVersion" -> new PolicyVersions(to, v).setDefault(v.text("policyArn"),
                    v.text("versionId"));
            case "DeletePolicyVersion" -> new PolicyVersions(to, v).delete(v.text("policyArn"), v.text("versionId"));
            case "UpdateAssumeRolePolicy" -> {
                PolicyDocument trust = v.document("policyDocument", UnknownDocument.TRUST);
                to.changeRole(v.text("roleName"), source, r -> new Role(r.arn(), r.name(), r.path(), r.id(),
                        r.accountId(), r.createDate(), trust, r.inlinePolicies(), r.attachedPolicyArns(),
                        r.boundaryArn(), r.instanceProfiles(), r.lastUsed(), r.tags()));
            }
            case "AddUserToGroup", "RemoveUserFromGroup" -> to.groups(v.text("userName"), source,
                    List.of(v.text("groupName")), e.name().startsWith("Remove"));
            case "PutUserPermissionsBoundary", "DeleteUserPermissionsBoundary" ->
                    to.changeUser(v.text("userName"), source, u -> new User(u.arn(), u.name(), u.path(), u.id(),
                            u.accountId(), u.createDate(), u.inlinePolicies(), u.attachedPolicyArns(),
                            v.text("permissionsBoundary"), u.groupNames(), u.tags()));
            case "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary" ->
                    to.changeRole(v.text("roleName"), source, r -> new Role(r.arn(), r.name(), r.path(), r.id(),
                            r.accountId(), r.createDate(), r.trustPolicy(), r.inlinePolicies(),
                            r.attachedPolicyArns(), v.text("permissionsBoundary"), r.instanceProfiles(),
                            r.lastUsed(), r.tags()));
            default -> new CloudTrailResourcePolicies(to, v, e).apply();
        }
    }

    /**
     * A managed policy attached that the snapshot does not hold (an AWS managed policy attached nowhere when it was
     * taken, or one not collected): what it grants is unknown, so it may grant anything, conditionally.
     */
    private void known(String arn) {
        if (arn != null && to.policy(arn) == null) {
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            to.warn(v.source() + ": policy `" + arn + "` is not in the snapshot: its document is taken as unknown");
            to.putPolicy(new ManagedPolicy(arn, name, arn, "/", "v1", List.of(new PolicyVersion("v1", true, null,
                    v.unknown("policyArn", UnknownDocument.IDENTITY)))), v.source());
        }
    }

    private String principal(Kind kind) {
        String name = v.text(switch (kind) {
            case USER -> "userName";
            case ROLE -> "roleName";
            case GROUP -> "groupName";
        });
        return name == null ? "" : name;
    }

    private static Kind kind(String eventName) {
        return eventName.contains("User") ? Kind.USER : eventName.contains("Role") ? Kind.ROLE : Kind.GROUP;
    }
}
