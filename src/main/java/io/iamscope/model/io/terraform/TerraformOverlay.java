package io.iamscope.model.io.terraform;

import io.iamscope.model.Account;
import io.iamscope.model.Group;
import io.iamscope.model.InlinePolicy;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.PolicyVersion;
import io.iamscope.model.Role;
import io.iamscope.model.Snapshot;
import io.iamscope.model.User;
import io.iamscope.model.io.SnapshotException;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policy.parse.PolicyParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies a Terraform plan's IAM resources to one account of a snapshot (the AWS provider's {@code aws_iam_role},
 * {@code _user}, {@code _group}, {@code _policy}, their {@code _policy} and {@code _policy_attachment} resources,
 * {@code aws_iam_policy_attachment}, {@code aws_iam_user_group_membership} and {@code aws_iam_group_membership}).
 * Principals and policies first, then what attaches to them. A name the plan leaves unknown is taken from the
 * resource its expression refers to (the configuration's references). A policy document the plan leaves unknown
 * becomes a statement that allows everything, conditional on a key named after the attribute
 * ({@code terraform:aws_iam_role_policy.ci.policy}) that the analysis must declare unknown: what it may grant is
 * shown as possible under that condition, never dropped. Attachments the plan lists on a principal are added to
 * what the snapshot has, never taken away (the provider's computed lists mix in attachments made elsewhere).
 */
public final class TerraformOverlay {
    private final TerraformPlan plan;
    private final String account;
    private final Map<String, PlannedResource> byAddress = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
    private final List<String> unknownKeys = new ArrayList<>();
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private int applied;

    private TerraformOverlay(TerraformPlan plan, String account) {
        this.plan = plan;
        this.account = account;
        plan.resources().forEach(r -> byAddress.put(r.address(), r));
    }

    /** The snapshot with the plan applied to {@code account}, which must be one of its accounts. */
    public static PlannedSnapshot apply(Snapshot base, TerraformPlan plan, String account) {
        Account a = base.account(account);
        if (a == null) {
            throw new SnapshotException("PLAN_ACCOUNT_UNKNOWN", "account " + account + " is not in the snapshot",
                    io.iamscope.policy.SourceLocation.of(plan.file().toString()));
        }
        TerraformOverlay o = new TerraformOverlay(plan, account);
        a.users().forEach(u -> o.users.put(u.name(), u));
        a.groups().forEach(g -> o.groups.put(g.name(), g));
        a.roles().forEach(r -> o.roles.put(r.name(), r));
        a.policies().forEach(p -> o.policies.put(p.arn(), p));
        for (PlannedResource r : plan.resources()) {
            if (r.changes()) {
                o.principalOrPolicy(r);
            }
        }
        for (PlannedResource r : plan.resources()) {
            if (r.changes()) {
                o.attachment(r);
            }
        }
        Account changed = new Account(a.accountId(), a.alias(), List.copyOf(o.users.values()),
                List.copyOf(o.groups.values()), List.copyOf(o.roles.values()), List.copyOf(o.policies.values()),
                a.accessKeys(), a.identityProviders(), a.resources(), a.gaps(), a.accessKeysListed());
        List<Account> accounts = base.accounts().stream().map(x -> x.accountId().equals(account) ? changed : x)
                .toList();
        Snapshot after = new Snapshot(base.formatVersion(), base.collectedAt(), base.collectedBy(),
                base.organization(), accounts);
        return new PlannedSnapshot(after, o.unknownKeys, o.addresses, o.warnings, o.applied);
    }

    private void principalOrPolicy(PlannedResource r) {
        switch (r.type()) {
            case "aws_iam_role" -> {
                String name = name(r);
                if (name == null) {
                    return;
                }
                if (r.deleted()) {
                    roles.remove(name);
                    applied++;
                    return;
                }
                Role old = roles.get(name);
                String path = pathOf(r);
                String arn = "arn:aws:iam::" + account + ":role" + path + name;
                PolicyDocument trust = document(r, "assume_role_policy", true);
                List<InlinePolicy> inline = new ArrayList<>(old == null ? List.of() : old.inlinePolicies());
                inlineBlocks(r, inline);
                Set<String> attached = new LinkedHashSet<>(old == null ? List.of() : old.attachedPolicyArns());
                strings(r, "managed_policy_arns").forEach(attached::add);
                roles.put(name, new Role(arn, name, path, old == null ? r.address() : old.id(), account,
                        old == null ? null : old.createDate(), trust, inline, List.copyOf(attached),
                        r.text("permissions_boundary"), old == null ? List.of() : old.instanceProfiles(),
                        old == null ? null : old.lastUsed(), tags(r)));
                addresses.put(arn, r.address());
                applied++;
            }
            case "aws_iam_user" -> {
                String name = name(r);
                if (name == null) {
                    return;
                }
                if (r.deleted()) {
                    users.remove(name);
                    applied++;
                    return;
                }
                User old = users.get(name);
                String path = pathOf(r);
                String arn = "arn:aws:iam::" + account + ":user" + path + name;
                users.put(name, new User(arn, name, path, old == null ? r.address() : old.id(), account,
                        old == null ? null : old.createDate(), old == null ? List.of() : old.inlinePolicies(),
                        old == null ? List.of() : old.attachedPolicyArns(), r.text("permissions_boundary"),
                        old == null ? List.of() : old.groupNames(), tags(r)));
                addresses.put(arn, r.address());
                applied++;
            }
            case "aws_iam_group" -> {
                String name = name(r);
                if (name == null) {
                    return;
                }
                if (r.deleted()) {
                    groups.remove(name);
                    applied++;
                    return;
                }
                Group old = groups.get(name);
                String path = pathOf(r);
                String arn = "arn:aws:iam::" + account + ":group" + path + name;
                groups.put(name, new Group(arn, name, path, old == null ? r.address() : old.id(), account,
                        old == null ? List.of() : old.inlinePolicies(),
                        old == null ? List.of() : old.attachedPolicyArns()));
                addresses.put(arn, r.address());
                applied++;
            }
            case "aws_iam_policy" -> {
                String arn = policyArn(r);
                if (arn == null) {
                    return;
                }
                if (r.deleted()) {
                    policies.remove(arn);
                    applied++;
                    return;
                }
                PolicyDocument doc = document(r, "policy", false);
                String name = arn.substring(arn.lastIndexOf('/') + 1);
                policies.put(arn, new ManagedPolicy(arn, name, r.address(), pathOf(r), "v1",
                        List.of(new PolicyVersion("v1", true, null, doc))));
                addresses.put(arn, r.address());
                applied++;
            }
            default -> {
                // attachments and memberships come second; other types are not IAM's
            }
        }
    }

    private void attachment(PlannedResource r) {
        boolean remove = r.deleted();
        switch (r.type()) {
            case "aws_iam_role_policy" -> onRole(r, "role", old -> withInline(old, r, remove));
            case "aws_iam_user_policy" -> onUser(r, "user", old -> withInline(old, r, remove));
            case "aws_iam_group_policy" -> onGroup(r, "group", old -> withInline(old, r, remove));
            case "aws_iam_role_policy_attachment" -> onRole(r, "role", old -> withAttached(old,
                    attachedArn(r), remove));
            case "aws_iam_user_policy_attachment" -> onUser(r, "user", old -> withAttached(old,
                    attachedArn(r), remove));
            case "aws_iam_group_policy_attachment" -> onGroup(r, "group", old -> withAttached(old,
                    attachedArn(r), remove));
            case "aws_iam_policy_attachment" -> {
                String arn = attachedArn(r);
                for (String u : strings(r, "users")) {
                    onUserNamed(r, u, old -> withAttached(old, arn, remove));
                }
                for (String g : strings(r, "groups")) {
                    onGroupNamed(r, g, old -> withAttached(old, arn, remove));
                }
                for (String x : strings(r, "roles")) {
                    onRoleNamed(r, x, old -> withAttached(old, arn, remove));
                }
            }
            case "aws_iam_user_group_membership" -> {
                List<String> names = new ArrayList<>();
                for (String g : strings(r, "groups")) {
                    if (groups.containsKey(nameOf(g))) {
                        names.add(nameOf(g));
                    } else {
                        warnings.add(r.address() + ": no group `" + g + "` in the account or the plan: not applied");
                    }
                }
                onUser(r, "user", old -> withGroups(old, names, remove));
            }
            case "aws_iam_group_membership" -> {
                String group = resolved(r, "group", "aws_iam_group", "name");
                if (group != null && !groups.containsKey(nameOf(group))) {
                    warnings.add(r.address() + ": no group `" + group + "` in the account or the plan: not applied");
                    return;
                }
                for (String u : strings(r, "users")) {
                    if (group != null) {
                        onUserNamed(r, u, old -> withGroups(old, List.of(group), remove));
                    }
                }
            }
            default -> {
                // not an attachment
            }
        }
    }

    // ---- what is attached ----

    private <P extends io.iamscope.model.Principal> List<InlinePolicy> inlineAfter(P old, PlannedResource r,
                                                                                 boolean remove) {
        String name = r.text("name");
        if (name == null) {
            name = r.address();
        }
        List<InlinePolicy> inline = new ArrayList<>();
        for (InlinePolicy p : old.inlinePolicies()) {
            if (!p.name().equals(name)) {
                inline.add(p);
            }
        }
        if (!remove) {
            inline.add(new InlinePolicy(name, document(r, "policy", false)));
        }
        return inline;
    }

    private Object withInline(Object old, PlannedResource r, boolean remove) {
        if (old instanceof Role x) {
            return new Role(x.arn(), x.name(), x.path(), x.id(), x.accountId(), x.createDate(), x.trustPolicy(),
                    inlineAfter(x, r, remove), x.attachedPolicyArns(), x.boundaryArn(), x.instanceProfiles(),
                    x.lastUsed(), x.tags());
        }
        if (old instanceof User x) {
            return new User(x.arn(), x.name(), x.path(), x.id(), x.accountId(), x.createDate(),
                    inlineAfter(x, r, remove), x.attachedPolicyArns(), x.boundaryArn(), x.groupNames(), x.tags());
        }
        Group x = (Group) old;
        return new Group(x.arn(), x.name(), x.path(), x.id(), x.accountId(), inlineAfter(x, r, remove),
                x.attachedPolicyArns());
    }

    private Object withAttached(Object old, String arn, boolean remove) {
        if (arn == null) {
            return old;
        }
        io.iamscope.model.Principal p = (io.iamscope.model.Principal) old;
        Set<String> attached = new LinkedHashSet<>(p.attachedPolicyArns());
        if (remove) {
            attached.remove(arn);
        } else {
            attached.add(arn);
        }
        List<String> list = List.copyOf(attached);
        if (old instanceof Role x) {
            return new Role(x.arn(), x.name(), x.path(), x.id(), x.accountId(), x.createDate(), x.trustPolicy(),
                    x.inlinePolicies(), list, x.boundaryArn(), x.instanceProfiles(), x.lastUsed(), x.tags());
        }
        if (old instanceof User x) {
            return new User(x.arn(), x.name(), x.path(), x.id(), x.accountId(), x.createDate(), x.inlinePolicies(),
                    list, x.boundaryArn(), x.groupNames(), x.tags());
        }
        Group x = (Group) old;
        return new Group(x.arn(), x.name(), x.path(), x.id(), x.accountId(), x.inlinePolicies(), list);
    }

    private Object withGroups(Object old, List<String> names, boolean remove) {
        User x = (User) old;
        Set<String> groupNames = new LinkedHashSet<>(x.groupNames());
        if (remove) {
            names.forEach(groupNames::remove);
        } else {
            groupNames.addAll(names);
        }
        return new User(x.arn(), x.name(), x.path(), x.id(), x.accountId(), x.createDate(), x.inlinePolicies(),
                x.attachedPolicyArns(), x.boundaryArn(), List.copyOf(groupNames), x.tags());
    }

    // ---- finding the principal an attachment is for ----

    private void onRole(PlannedResource r, String attribute, Function<Object, Object> change) {
        String name = resolved(r, attribute, "aws_iam_role", "name");
        if (name != null) {
            onRoleNamed(r, name, change);
        }
    }

    private void onUser(PlannedResource r, String attribute, Function<Object, Object> change) {
        String name = resolved(r, attribute, "aws_iam_user", "name");
        if (name != null) {
            onUserNamed(r, name, change);
        }
    }

    private void onGroup(PlannedResource r, String attribute, Function<Object, Object> change) {
        String name = resolved(r, attribute, "aws_iam_group", "name");
        if (name != null) {
            onGroupNamed(r, name, change);
        }
    }

    private void onRoleNamed(PlannedResource r, String name, Function<Object, Object> change) {
        Role old = roles.get(nameOf(name));
        if (old == null) {
            warnings.add(r.address() + ": no role `" + name + "` in the account or the plan: not applied");
            return;
        }
        roles.put(old.name(), (Role) change.apply(old));
        addresses.putIfAbsent(old.arn(), r.address());
        applied++;
    }

    private void onUserNamed(PlannedResource r, String name, Function<Object, Object> change) {
        User old = users.get(nameOf(name));
        if (old == null) {
            warnings.add(r.address() + ": no user `" + name + "` in the account or the plan: not applied");
            return;
        }
        users.put(old.name(), (User) change.apply(old));
        addresses.putIfAbsent(old.arn(), r.address());
        applied++;
    }

    private void onGroupNamed(PlannedResource r, String name, Function<Object, Object> change) {
        Group old = groups.get(nameOf(name));
        if (old == null) {
            warnings.add(r.address() + ": no group `" + name + "` in the account or the plan: not applied");
            return;
        }
        groups.put(old.name(), (Group) change.apply(old));
        addresses.putIfAbsent(old.arn(), r.address());
        applied++;
    }

    /** A name, or the last part of an ARN given where a name is expected. */
    private static String nameOf(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    }

    /**
     * The attribute's value; when the plan leaves it unknown, the {@code field} of the planned resource of
     * {@code type} its expression refers to; null (with a warning) when neither says.
     */
    private String resolved(PlannedResource r, String attribute, String type, String field) {
        String v = r.text(attribute);
        if (v != null) {
            return v;
        }
        for (String ref : r.references().getOrDefault(attribute, List.of())) {
            PlannedResource target = byAddress.get(ref);
            if (target == null) {
                target = byAddress.values().stream().filter(x -> x.address().startsWith(ref + "[")).findFirst()
                        .orElse(null);
            }
            if (target != null && target.type().equals(type)) {
                String name = "aws_iam_policy".equals(type) ? policyArn(target) : target.text(field);
                if (name != null) {
                    return name;
                }
            }
        }
        warnings.add(r.address() + ": `" + attribute + "` is unknown until apply and refers to no planned " + type
                + " whose " + field + " is known: not applied (what it grants is not counted)");
        return null;
    }

    private String attachedArn(PlannedResource r) {
        return resolved(r, "policy_arn", "aws_iam_policy", "arn");
    }

    private String name(PlannedResource r) {
        String name = r.text("name");
        if (name == null) {
            warnings.add(r.address() + ": its name is unknown until apply (a name_prefix?): not applied");
        }
        return name;
    }

    private String policyArn(PlannedResource r) {
        String arn = r.text("arn");
        if (arn != null) {
            return arn;
        }
        String name = r.text("name");
        if (name == null) {
            warnings.add(r.address() + ": its name is unknown until apply: not applied");
            return null;
        }
        return "arn:aws:iam::" + account + ":policy" + pathOf(r) + name;
    }

    private static String pathOf(PlannedResource r) {
        String path = r.text("path");
        return path == null ? "/" : path;
    }

    private static Map<String, String> tags(PlannedResource r) {
        Map<String, String> tags = new LinkedHashMap<>();
        com.fasterxml.jackson.databind.JsonNode t = r.after() == null ? null : r.after().get("tags");
        if (t != null && t.isObject()) {
            t.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        }
        return tags;
    }

    private static List<String> strings(PlannedResource r, String attribute) {
        List<String> out = new ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode values = r.deleted() ? r.before() : r.after();
        com.fasterxml.jackson.databind.JsonNode v = values == null ? null : values.get(attribute);
        if (v != null && v.isArray()) {
            v.forEach(x -> {
                if (x.isTextual()) {
                    out.add(x.asText());
                }
            });
        }
        return out;
    }

    private void inlineBlocks(PlannedResource r, List<InlinePolicy> inline) {
        com.fasterxml.jackson.databind.JsonNode blocks = r.after() == null ? null : r.after().get("inline_policy");
        if (blocks == null || !blocks.isArray()) {
            return;
        }
        for (int i = 0; i < blocks.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode b = blocks.get(i);
            String name = b.path("name").asText(null);
            String text = b.path("policy").asText(null);
            if (name == null || text == null || text.isEmpty()) {
                continue;
            }
            inline.removeIf(p -> p.name().equals(name));
            inline.add(new InlinePolicy(name, parse(text, r, "inline_policy/" + i + "/policy")));
        }
    }

    /** The document the attribute holds; an unknown one stands for anything, conditional on a named key. */
    private PolicyDocument document(PlannedResource r, String attribute, boolean trust) {
        String text = r.text(attribute);
        if (text != null && !text.isEmpty()) {
            return parse(text, r, attribute);
        }
        if (!r.unknown(attribute)) {
            return trust ? null : parse("{\"Version\":\"2012-10-17\",\"Statement\":[]}", r, attribute);
        }
        String key = "terraform:" + r.address() + "." + attribute;
        unknownKeys.add(key);
        String statement = trust
                ? "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\","
                : "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",";
        return parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statement
                + "\"Condition\":{\"StringEquals\":{\"" + key + "\":\"known after apply\"}}}]}", r, attribute);
    }

    private PolicyDocument parse(String text, PlannedResource r, String attribute) {
        String where = plan.file() + " at " + r.pointer() + "/change/after/" + attribute + " (" + r.address() + ")";
        try {
            return PolicyParser.parse(text, where);
        } catch (PolicyParseException e) {
            throw new SnapshotException(e.code(), r.address() + "." + attribute + ": " + e.getMessage(),
                    new io.iamscope.policy.SourceLocation(plan.file().toString(), r.pointer() + "/change/after/"
                            + attribute));
        }
    }
}
