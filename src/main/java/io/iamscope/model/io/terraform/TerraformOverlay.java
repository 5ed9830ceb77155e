package io.iamscope.model.io.terraform;

import static io.iamscope.model.io.terraform.PlanValues.pathOf;
import static io.iamscope.model.io.terraform.PlanValues.strings;
import static io.iamscope.model.io.terraform.PlanValues.tags;

import io.iamscope.model.Group;
import io.iamscope.model.InlinePolicy;
import io.iamscope.model.InstanceProfile;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.PolicyVersion;
import io.iamscope.model.Role;
import io.iamscope.model.Snapshot;
import io.iamscope.model.User;
import io.iamscope.model.io.planned.IamApplier;
import io.iamscope.model.io.planned.UnknownDocument;
import io.iamscope.model.io.planned.IamApplier.Kind;
import io.iamscope.model.io.planned.PlannedSnapshot;
import io.iamscope.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 * Resource-based policies and the organization's SCPs and RCPs come last ({@link TerraformResourcePolicies}).
 */
public final class TerraformOverlay {
    private final String account;
    private final IamApplier to;
    private final PlanValues values;

    private TerraformOverlay(TerraformPlan plan, IamApplier to) {
        this.to = to;
        this.account = to.accountId();
        this.values = new PlanValues(plan, to);
    }

    /** The snapshot with the plan applied to {@code account}, which must be one of its accounts. */
    public static PlannedSnapshot apply(Snapshot base, TerraformPlan plan, String account) {
        TerraformOverlay o = new TerraformOverlay(plan, new IamApplier(base, account, plan.file().toString()));
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
        new TerraformResourcePolicies(plan, o.to, o.values).apply(plan.resources());
        return o.to.result();
    }

    private String name(PlannedResource r) {
        return values.name(r);
    }

    private String resolved(PlannedResource r, String attribute, String type, String field) {
        return values.resolved(r, attribute, type, field);
    }

    private String attachedArn(PlannedResource r) {
        return resolved(r, "policy_arn", "aws_iam_policy", "arn");
    }

    private void principalOrPolicy(PlannedResource r) {
        switch (r.type()) {
            case "aws_iam_role" -> {
                String name = name(r);
                if (name == null) {
                    return;
                }
                if (r.deleted()) {
                    to.remove(Kind.ROLE, name);
                    return;
                }
                Role old = to.role(name);
                String path = pathOf(r);
                String arn = "arn:aws:iam::" + account + ":role" + path + name;
                PolicyDocument trust = values.document(r, "assume_role_policy", UnknownDocument.TRUST);
                List<InlinePolicy> inline = new ArrayList<>(old == null ? List.of() : old.inlinePolicies());
                inlineBlocks(r, inline);
                Set<String> attached = new LinkedHashSet<>(old == null ? List.of() : old.attachedPolicyArns());
                strings(r, "managed_policy_arns").forEach(attached::add);
                to.putRole(new Role(arn, name, path, old == null ? r.address() : old.id(), account,
                        old == null ? null : old.createDate(), trust, inline, List.copyOf(attached),
                        r.text("permissions_boundary"), old == null ? List.of() : old.instanceProfiles(),
                        old == null ? null : old.lastUsed(), tags(r)), r.address());
            }
            case "aws_iam_user" -> {
                String name = name(r);
                if (name == null) {
                    return;
                }
                if (r.deleted()) {
                    to.remove(Kind.USER, name);
                    return;
                }
                User old = to.user(name);
                String path = pathOf(r);
                String arn = "arn:aws:iam::" + account + ":user" + path + name;
                to.putUser(new User(arn, name, path, old == null ? r.address() : old.id(), account,
                        old == null ? null : old.createDate(), old == null ? List.of() : old.inlinePolicies(),
                        old == null ? List.of() : old.attachedPolicyArns(), r.text("permissions_boundary"),
                        old == null ? List.of() : old.groupNames(), tags(r)), r.address());
            }
            case "aws_iam_group" -> {
                String name = name(r);
                if (name == null) {
                    return;
                }
                if (r.deleted()) {
                    to.remove(Kind.GROUP, name);
                    return;
                }
                Group old = to.group(name);
                String path = pathOf(r);
                String arn = "arn:aws:iam::" + account + ":group" + path + name;
                to.putGroup(new Group(arn, name, path, old == null ? r.address() : old.id(), account,
                        old == null ? List.of() : old.inlinePolicies(),
                        old == null ? List.of() : old.attachedPolicyArns()), r.address());
            }
            case "aws_iam_policy" -> {
                String arn = values.policyArn(r);
                if (arn == null) {
                    return;
                }
                if (r.deleted()) {
                    to.remove(null, arn);
                    return;
                }
                PolicyDocument doc = values.document(r, "policy", UnknownDocument.IDENTITY);
                String name = arn.substring(arn.lastIndexOf('/') + 1);
                to.putPolicy(new ManagedPolicy(arn, name, r.address(), pathOf(r), "v1",
                        List.of(new PolicyVersion("v1", true, null, doc))), r.address());
            }
            default -> {
                // attachments and memberships come second; other types are not IAM's
            }
        }
    }

    private void attachment(PlannedResource r) {
        boolean remove = r.deleted();
        switch (r.type()) {
            case "aws_iam_role_policy" -> inline(r, Kind.ROLE, "role", "aws_iam_role");
            case "aws_iam_user_policy" -> inline(r, Kind.USER, "user", "aws_iam_user");
            case "aws_iam_group_policy" -> inline(r, Kind.GROUP, "group", "aws_iam_group");
            case "aws_iam_role_policy_attachment" -> attach(r, Kind.ROLE, "role", "aws_iam_role");
            case "aws_iam_user_policy_attachment" -> attach(r, Kind.USER, "user", "aws_iam_user");
            case "aws_iam_group_policy_attachment" -> attach(r, Kind.GROUP, "group", "aws_iam_group");
            case "aws_iam_policy_attachment" -> {
                String arn = attachedArn(r);
                if (arn == null) {
                    return;
                }
                strings(r, "users").forEach(u -> to.attach(Kind.USER, u, r.address(), arn, remove));
                strings(r, "groups").forEach(g -> to.attach(Kind.GROUP, g, r.address(), arn, remove));
                strings(r, "roles").forEach(x -> to.attach(Kind.ROLE, x, r.address(), arn, remove));
            }
            case "aws_iam_user_group_membership" -> {
                String user = resolved(r, "user", "aws_iam_user", "name");
                if (user != null) {
                    to.groups(user, r.address(), strings(r, "groups"), remove);
                }
            }
            case "aws_iam_instance_profile" -> instanceProfile(r);
            case "aws_iam_group_membership" -> {
                String group = resolved(r, "group", "aws_iam_group", "name");
                for (String u : strings(r, "users")) {
                    if (group != null) {
                        to.groups(u, r.address(), List.of(group), remove);
                    }
                }
            }
            default -> {
                // not an attachment
            }
        }
    }

    /** An instance profile holds one role (the provider's {@code role}); EC2 instances launched with it get it. */
    private void instanceProfile(PlannedResource r) {
        String name = name(r);
        String role = name == null || r.text("role") == null && !r.unknown("role") ? null
                : resolved(r, "role", "aws_iam_role", "name");
        if (role == null) {
            return;
        }
        String arn = "arn:aws:iam::" + account + ":instance-profile" + pathOf(r) + name;
        to.changeRole(role.substring(role.lastIndexOf('/') + 1), r.address(), old -> {
            List<InstanceProfile> profiles = new ArrayList<>(old.instanceProfiles());
            profiles.removeIf(p -> p.name().equals(name));
            if (!r.deleted()) {
                profiles.add(new InstanceProfile(arn, name, r.address(), List.of(old.arn())));
            }
            return new Role(old.arn(), old.name(), old.path(), old.id(), old.accountId(), old.createDate(),
                    old.trustPolicy(), old.inlinePolicies(), old.attachedPolicyArns(), old.boundaryArn(), profiles,
                    old.lastUsed(), old.tags());
        });
    }

    private void inline(PlannedResource r, Kind kind, String attribute, String type) {
        String principal = resolved(r, attribute, type, "name");
        if (principal == null) {
            return;
        }
        String name = r.text("name");
        to.inline(kind, principal, r.address(), name == null ? r.address() : name,
                r.deleted() ? null : values.document(r, "policy", UnknownDocument.IDENTITY));
    }

    private void attach(PlannedResource r, Kind kind, String attribute, String type) {
        String principal = resolved(r, attribute, type, "name");
        String arn = principal == null ? null : attachedArn(r);
        if (arn != null) {
            to.attach(kind, principal, r.address(), arn, r.deleted());
        }
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
            inline.add(new InlinePolicy(name, values.parse(text, r, "inline_policy/" + i + "/policy")));
        }
    }

}
