package io.iamscope.model.io.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.Group;
import io.iamscope.model.InlinePolicy;
import io.iamscope.model.InstanceProfile;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.PolicyVersion;
import io.iamscope.model.Role;
import io.iamscope.model.Snapshot;
import io.iamscope.model.User;
import io.iamscope.model.io.cloudformation.Intrinsics.Unresolved;
import io.iamscope.model.io.planned.IamApplier;
import io.iamscope.model.io.planned.IamApplier.Kind;
import io.iamscope.model.io.planned.PlannedSnapshot;
import io.iamscope.model.io.planned.UnknownDocument;
import io.iamscope.policy.PolicyDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the IAM resources of a CloudFormation template to one account of a snapshot, as creating the stack
 * would (AWS CloudFormation User Guide, "AWS Identity and Access Management resource type reference"):
 * {@code AWS::IAM::Role}, {@code User}, {@code Group} and {@code ManagedPolicy} first, then what attaches to them
 * ({@code AWS::IAM::Policy}, {@code RolePolicy}, {@code UserPolicy}, {@code GroupPolicy}, a managed policy's
 * {@code Roles}/{@code Users}/{@code Groups}, {@code UserToGroupAddition}, {@code InstanceProfile}). A resource
 * whose {@code Condition} is false is left out. A policy document that does not resolve (an import, a parameter
 * with no value) stands for anything, conditional on a key named after it,
 * {@code cloudformation:LOGICALID.PROPERTY}, that the analysis must declare unknown; a name that does not resolve
 * is a warning naming the logical id, and what it would attach is not counted. Nested stacks whose template is a
 * local file are applied after their parent ({@link NestedStacks}); AWS SAM's transform is applied when the template
 * is read ({@link SamTransform}).
 */
public final class CloudFormationOverlay {
    private final CloudFormationTemplate template;
    private final Intrinsics intrinsics;
    private final IamApplier to;
    private final String account;
    private final TemplateValues values;

    private CloudFormationOverlay(CloudFormationTemplate template, Intrinsics intrinsics, IamApplier to) {
        this.template = template;
        this.intrinsics = intrinsics;
        this.to = to;
        this.account = to.accountId();
        this.values = new TemplateValues(template, intrinsics, to);
    }

    /**
     * The snapshot with the template's stack created in {@code account}.
     *
     * @param region     the stack's region ({@code AWS::Region}), or null when not known
     * @param stack      the stack's name ({@code AWS::StackName} and generated names)
     * @param parameters values of the template's parameters, over their defaults
     */
    public static PlannedSnapshot apply(Snapshot base, CloudFormationTemplate template, String account,
                                        String region, String stack, Map<String, String> parameters) {
        IamApplier to = new IamApplier(base, account, template.file().toString());
        applyStack(to, template, new Intrinsics(template.root(), to.accountId(), region, stack, parameters), region,
                stack, List.of());
        return to.result();
    }

    /** One stack's template, then the nested stacks it creates ({@link NestedStacks}), onto {@code to}. */
    static void applyStack(IamApplier to, CloudFormationTemplate template, Intrinsics intrinsics, String region,
                           String stack, List<Path> ancestors) {
        template.warnings().forEach(to::warn);
        CloudFormationOverlay o = new CloudFormationOverlay(template, intrinsics, to);
        List<String> ids = o.included();
        ids.forEach(o::principalOrPolicy);
        ids.forEach(o::attachment);
        CloudFormationResourcePolicies resourcePolicies = new CloudFormationResourcePolicies(to, o.values);
        ids.forEach(resourcePolicies::apply);
        List.copyOf(o.intrinsics.generated()).forEach(id -> to.warn(o.values.where(id) + ": no name is given: CloudFormation makes one"
                + " when it creates the stack; named `" + o.intrinsics.physicalName(id) + "` here"));
        NestedStacks nested = new NestedStacks(to, template, o.values, region, stack, ancestors);
        ids.stream().filter(id -> o.values.type(id).equals("AWS::CloudFormation::Stack")).forEach(nested::apply);
    }

    /** The logical ids of the resources the stack creates (a resource whose condition is false is not). */
    private List<String> included() {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = template.resources().fieldNames(); it.hasNext(); ) {
            String id = it.next();
            JsonNode condition = template.resources().get(id).get("Condition");
            if (condition == null) {
                out.add(id);
                continue;
            }
            try {
                if (intrinsics.condition(condition.asText())) {
                    out.add(id);
                }
            } catch (Unresolved e) {
                to.warn(values.where(id) + ": created only when condition " + condition.asText() + " holds, which is not"
                        + " known (" + e.getMessage() + "): counted as created");
                out.add(id);
            }
        }
        return out;
    }

    private void principalOrPolicy(String id) {
        switch (values.type(id)) {
            case "AWS::IAM::Role" -> {
                String name = values.name(id);
                if (name == null) {
                    return;
                }
                Role old = to.role(name);
                String path = values.path(id);
                PolicyDocument trust = values.document(id, "AssumeRolePolicyDocument", UnknownDocument.TRUST);
                List<InlinePolicy> inline = new ArrayList<>(old == null ? List.of() : old.inlinePolicies());
                values.inlinePolicies(id, inline);
                Set<String> attached = new LinkedHashSet<>(old == null ? List.of() : old.attachedPolicyArns());
                attached.addAll(values.strings(id, "ManagedPolicyArns"));
                to.putRole(new Role("arn:aws:iam::" + account + ":role" + path + name, name, path,
                        old == null ? id : old.id(), account, old == null ? null : old.createDate(), trust, inline,
                        List.copyOf(attached), values.optional(id, "PermissionsBoundary"),
                        old == null ? List.of() : old.instanceProfiles(), old == null ? null : old.lastUsed(),
                        values.tags(id)), id);
            }
            case "AWS::IAM::User" -> {
                String name = values.name(id);
                if (name == null) {
                    return;
                }
                User old = to.user(name);
                String path = values.path(id);
                List<InlinePolicy> inline = new ArrayList<>(old == null ? List.of() : old.inlinePolicies());
                values.inlinePolicies(id, inline);
                Set<String> attached = new LinkedHashSet<>(old == null ? List.of() : old.attachedPolicyArns());
                attached.addAll(values.strings(id, "ManagedPolicyArns"));
                Set<String> groups = new LinkedHashSet<>(old == null ? List.of() : old.groupNames());
                values.strings(id, "Groups").forEach(g -> groups.add(g.substring(g.lastIndexOf('/') + 1)));
                to.putUser(new User("arn:aws:iam::" + account + ":user" + path + name, name, path,
                        old == null ? id : old.id(), account, old == null ? null : old.createDate(), inline,
                        List.copyOf(attached), values.optional(id, "PermissionsBoundary"), List.copyOf(groups), values.tags(id)),
                        id);
            }
            case "AWS::IAM::Group" -> {
                String name = values.name(id);
                if (name == null) {
                    return;
                }
                Group old = to.group(name);
                String path = values.path(id);
                List<InlinePolicy> inline = new ArrayList<>(old == null ? List.of() : old.inlinePolicies());
                values.inlinePolicies(id, inline);
                Set<String> attached = new LinkedHashSet<>(old == null ? List.of() : old.attachedPolicyArns());
                attached.addAll(values.strings(id, "ManagedPolicyArns"));
                to.putGroup(new Group("arn:aws:iam::" + account + ":group" + path + name, name, path,
                        old == null ? id : old.id(), account, inline, List.copyOf(attached)), id);
            }
            case "AWS::IAM::ManagedPolicy" -> {
                String arn = values.resolved(id, () -> intrinsics.arn(id), "its ARN");
                if (arn == null) {
                    return;
                }
                to.putPolicy(new ManagedPolicy(arn, arn.substring(arn.lastIndexOf('/') + 1), id, values.path(id), "v1",
                        List.of(new PolicyVersion("v1", true, null, values.document(id, "PolicyDocument", UnknownDocument.IDENTITY)))), id);
            }
            default -> {
                // attachments come second; other types are not IAM's
            }
        }
    }

    private void attachment(String id) {
        switch (values.type(id)) {
            case "AWS::IAM::Policy" -> {
                String name = values.optional(id, "PolicyName");
                PolicyDocument doc = values.document(id, "PolicyDocument", UnknownDocument.IDENTITY);
                String policyName = name == null ? id : name;
                values.strings(id, "Roles").forEach(r -> to.inline(Kind.ROLE, r, id, policyName, doc));
                values.strings(id, "Users").forEach(u -> to.inline(Kind.USER, u, id, policyName, doc));
                values.strings(id, "Groups").forEach(g -> to.inline(Kind.GROUP, g, id, policyName, doc));
            }
            case "AWS::IAM::RolePolicy" -> inline(id, Kind.ROLE, "RoleName");
            case "AWS::IAM::UserPolicy" -> inline(id, Kind.USER, "UserName");
            case "AWS::IAM::GroupPolicy" -> inline(id, Kind.GROUP, "GroupName");
            case "AWS::IAM::ManagedPolicy" -> {
                String arn = values.resolved(id, () -> intrinsics.arn(id), "its ARN");
                if (arn != null) {
                    values.strings(id, "Roles").forEach(r -> to.attach(Kind.ROLE, r, id, arn, false));
                    values.strings(id, "Users").forEach(u -> to.attach(Kind.USER, u, id, arn, false));
                    values.strings(id, "Groups").forEach(g -> to.attach(Kind.GROUP, g, id, arn, false));
                }
            }
            case "AWS::IAM::UserToGroupAddition" -> {
                String group = values.optional(id, "GroupName");
                if (group == null) {
                    if (!values.properties(id).has("GroupName")) {
                        to.warn(values.where(id) + ": no GroupName: not applied");
                    }
                    return;
                }
                values.strings(id, "Users").forEach(u -> to.groups(u, id, List.of(group), false));
            }
            case "AWS::IAM::InstanceProfile" -> {
                String name = values.name(id);
                if (name == null) {
                    return;
                }
                String arn = "arn:aws:iam::" + account + ":instance-profile" + values.path(id) + name;
                for (String roleName : values.strings(id, "Roles")) {
                    to.changeRole(roleName.substring(roleName.lastIndexOf('/') + 1), id, r -> {
                        List<InstanceProfile> profiles = new ArrayList<>(r.instanceProfiles());
                        profiles.removeIf(p -> p.name().equals(name));
                        profiles.add(new InstanceProfile(arn, name, id, List.of(r.arn())));
                        return new Role(r.arn(), r.name(), r.path(), r.id(), r.accountId(), r.createDate(),
                                r.trustPolicy(), r.inlinePolicies(), r.attachedPolicyArns(), r.boundaryArn(),
                                profiles, r.lastUsed(), r.tags());
                    });
                }
            }
            default -> {
                // not an attachment
            }
        }
    }

    private void inline(String id, Kind kind, String principalProperty) {
        String principal = values.optional(id, principalProperty);
        if (principal == null) {
            if (!values.properties(id).has(principalProperty)) {
                to.warn(values.where(id) + ": no " + principalProperty + ": not applied");
            }
            return;
        }
        String name = values.optional(id, "PolicyName");
        to.inline(kind, principal, id, name == null ? id : name, values.document(id, "PolicyDocument", UnknownDocument.IDENTITY));
    }
}
