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
import io.iamscope.model.io.SnapshotException;
import io.iamscope.model.io.cloudformation.Intrinsics.Unresolved;
import io.iamscope.model.io.planned.IamApplier;
import io.iamscope.model.io.planned.IamApplier.Kind;
import io.iamscope.model.io.planned.PlannedSnapshot;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.parse.PolicyParser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * is a warning naming the logical id, and what it would attach is not counted.
 */
public final class CloudFormationOverlay {
    private final CloudFormationTemplate template;
    private final Intrinsics intrinsics;
    private final IamApplier to;
    private final String account;

    private CloudFormationOverlay(CloudFormationTemplate template, Intrinsics intrinsics, IamApplier to) {
        this.template = template;
        this.intrinsics = intrinsics;
        this.to = to;
        this.account = to.accountId();
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
        CloudFormationOverlay o = new CloudFormationOverlay(template,
                new Intrinsics(template.root(), to.accountId(), region, stack, parameters), to);
        JsonNode transform = template.root().get("Transform");
        if (transform != null) {
            // A transform (SAM's AWS::Serverless-2016-10-31, a macro) makes resources when the stack is deployed:
            // only those written in the template are checked.
            to.warn(template.file() + ": Transform " + transform + ": the resources it makes are not checked,"
                    + " only the AWS::IAM resources written in the template");
        }
        List<String> ids = o.included();
        ids.forEach(o::principalOrPolicy);
        ids.forEach(o::attachment);
        List.copyOf(o.intrinsics.generated()).forEach(id -> to.warn(o.where(id) + ": no name is given: CloudFormation makes one"
                + " when it creates the stack; named `" + o.intrinsics.physicalName(id) + "` here"));
        return to.result();
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
                to.warn(where(id) + ": created only when condition " + condition.asText() + " holds, which is not"
                        + " known (" + e.getMessage() + "): counted as created");
                out.add(id);
            }
        }
        return out;
    }

    private void principalOrPolicy(String id) {
        switch (type(id)) {
            case "AWS::IAM::Role" -> {
                String name = name(id);
                if (name == null) {
                    return;
                }
                Role old = to.role(name);
                String path = path(id);
                PolicyDocument trust = document(id, "AssumeRolePolicyDocument", true);
                List<InlinePolicy> inline = new ArrayList<>(old == null ? List.of() : old.inlinePolicies());
                inlinePolicies(id, inline);
                Set<String> attached = new LinkedHashSet<>(old == null ? List.of() : old.attachedPolicyArns());
                attached.addAll(strings(id, "ManagedPolicyArns"));
                to.putRole(new Role("arn:aws:iam::" + account + ":role" + path + name, name, path,
                        old == null ? id : old.id(), account, old == null ? null : old.createDate(), trust, inline,
                        List.copyOf(attached), optional(id, "PermissionsBoundary"),
                        old == null ? List.of() : old.instanceProfiles(), old == null ? null : old.lastUsed(),
                        tags(id)), id);
            }
            case "AWS::IAM::User" -> {
                String name = name(id);
                if (name == null) {
                    return;
                }
                User old = to.user(name);
                String path = path(id);
                List<InlinePolicy> inline = new ArrayList<>(old == null ? List.of() : old.inlinePolicies());
                inlinePolicies(id, inline);
                Set<String> attached = new LinkedHashSet<>(old == null ? List.of() : old.attachedPolicyArns());
                attached.addAll(strings(id, "ManagedPolicyArns"));
                Set<String> groups = new LinkedHashSet<>(old == null ? List.of() : old.groupNames());
                strings(id, "Groups").forEach(g -> groups.add(g.substring(g.lastIndexOf('/') + 1)));
                to.putUser(new User("arn:aws:iam::" + account + ":user" + path + name, name, path,
                        old == null ? id : old.id(), account, old == null ? null : old.createDate(), inline,
                        List.copyOf(attached), optional(id, "PermissionsBoundary"), List.copyOf(groups), tags(id)),
                        id);
            }
            case "AWS::IAM::Group" -> {
                String name = name(id);
                if (name == null) {
                    return;
                }
                Group old = to.group(name);
                String path = path(id);
                List<InlinePolicy> inline = new ArrayList<>(old == null ? List.of() : old.inlinePolicies());
                inlinePolicies(id, inline);
                Set<String> attached = new LinkedHashSet<>(old == null ? List.of() : old.attachedPolicyArns());
                attached.addAll(strings(id, "ManagedPolicyArns"));
                to.putGroup(new Group("arn:aws:iam::" + account + ":group" + path + name, name, path,
                        old == null ? id : old.id(), account, inline, List.copyOf(attached)), id);
            }
            case "AWS::IAM::ManagedPolicy" -> {
                String arn = resolved(id, () -> intrinsics.arn(id), "its ARN");
                if (arn == null) {
                    return;
                }
                to.putPolicy(new ManagedPolicy(arn, arn.substring(arn.lastIndexOf('/') + 1), id, path(id), "v1",
                        List.of(new PolicyVersion("v1", true, null, document(id, "PolicyDocument", false)))), id);
            }
            default -> {
                // attachments come second; other types are not IAM's
            }
        }
    }

    private void attachment(String id) {
        switch (type(id)) {
            case "AWS::IAM::Policy" -> {
                String name = optional(id, "PolicyName");
                PolicyDocument doc = document(id, "PolicyDocument", false);
                String policyName = name == null ? id : name;
                strings(id, "Roles").forEach(r -> to.inline(Kind.ROLE, r, id, policyName, doc));
                strings(id, "Users").forEach(u -> to.inline(Kind.USER, u, id, policyName, doc));
                strings(id, "Groups").forEach(g -> to.inline(Kind.GROUP, g, id, policyName, doc));
            }
            case "AWS::IAM::RolePolicy" -> inline(id, Kind.ROLE, "RoleName");
            case "AWS::IAM::UserPolicy" -> inline(id, Kind.USER, "UserName");
            case "AWS::IAM::GroupPolicy" -> inline(id, Kind.GROUP, "GroupName");
            case "AWS::IAM::ManagedPolicy" -> {
                String arn = resolved(id, () -> intrinsics.arn(id), "its ARN");
                if (arn != null) {
                    strings(id, "Roles").forEach(r -> to.attach(Kind.ROLE, r, id, arn, false));
                    strings(id, "Users").forEach(u -> to.attach(Kind.USER, u, id, arn, false));
                    strings(id, "Groups").forEach(g -> to.attach(Kind.GROUP, g, id, arn, false));
                }
            }
            case "AWS::IAM::UserToGroupAddition" -> {
                String group = optional(id, "GroupName");
                if (group == null) {
                    if (!properties(id).has("GroupName")) {
                        to.warn(where(id) + ": no GroupName: not applied");
                    }
                    return;
                }
                strings(id, "Users").forEach(u -> to.groups(u, id, List.of(group), false));
            }
            case "AWS::IAM::InstanceProfile" -> {
                String name = name(id);
                if (name == null) {
                    return;
                }
                String arn = "arn:aws:iam::" + account + ":instance-profile" + path(id) + name;
                for (String roleName : strings(id, "Roles")) {
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
        String principal = optional(id, principalProperty);
        if (principal == null) {
            if (!properties(id).has(principalProperty)) {
                to.warn(where(id) + ": no " + principalProperty + ": not applied");
            }
            return;
        }
        String name = optional(id, "PolicyName");
        to.inline(kind, principal, id, name == null ? id : name, document(id, "PolicyDocument", false));
    }

    // ---- properties ----

    private String type(String id) {
        return template.resources().path(id).path("Type").asText();
    }

    private JsonNode properties(String id) {
        return template.resources().path(id).path("Properties");
    }

    private String where(String id) {
        return template.file() + " " + id;
    }

    private String pointer(String id, String property) {
        return "/Resources/" + id + "/Properties/" + property;
    }

    private interface Value {
        String get();
    }

    private String resolved(String id, Value value, String what) {
        try {
            return value.get();
        } catch (Unresolved e) {
            to.warn(where(id) + ": " + what + " does not resolve (" + e.getMessage() + "): not applied (what it"
                    + " grants is not counted)");
            return null;
        }
    }

    private String name(String id) {
        return resolved(id, () -> intrinsics.physicalName(id), "its name");
    }

    private String path(String id) {
        String path = optional(id, "Path");
        return path == null ? "/" : path;
    }

    /** The property as a string, or null when absent or unresolved (with a warning). */
    private String optional(String id, String property) {
        JsonNode v = properties(id).get(property);
        if (v == null) {
            return null;
        }
        return resolved(id, () -> intrinsics.string(v), property);
    }

    /** A list of strings; an element that does not resolve is left out with a warning. */
    private List<String> strings(String id, String property) {
        List<String> out = new ArrayList<>();
        JsonNode v = properties(id).get(property);
        if (v == null) {
            return out;
        }
        JsonNode list;
        try {
            list = intrinsics.resolve(v);
        } catch (Unresolved e) {
            list = v.isArray() ? v : null;
        }
        if (list == null || !list.isArray()) {
            to.warn(where(id) + ": " + property + " does not resolve: not applied (what it grants is not counted)");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode x = list.get(i);
            String s = resolved(id, () -> intrinsics.string(x), property + "[" + i + "]");
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private Map<String, String> tags(String id) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode t : properties(id).path("Tags")) {
            try {
                tags.put(intrinsics.string(t.path("Key")), intrinsics.string(t.path("Value")));
            } catch (Unresolved e) {
                // a tag whose value is unknown cannot match a condition on it: leaving it out is what AWS sees
                // when the tag is absent, and a tag never grants by itself
            }
        }
        return tags;
    }

    private void inlinePolicies(String id, List<InlinePolicy> inline) {
        JsonNode policies = properties(id).path("Policies");
        for (int i = 0; i < policies.size(); i++) {
            String property = "Policies/" + i;
            JsonNode p = policies.get(i);
            String policyName;
            try {
                policyName = intrinsics.string(p.path("PolicyName"));
            } catch (Unresolved e) {
                policyName = id + ".Policies." + i;
            }
            String finalName = policyName;
            inline.removeIf(x -> x.name().equals(finalName));
            inline.add(new InlinePolicy(policyName, document(id, p.path("PolicyDocument"),
                    property + "/PolicyDocument", false)));
        }
    }

    private PolicyDocument document(String id, String property, boolean trust) {
        return document(id, properties(id).get(property), property, trust);
    }

    /** The document the property holds; one that does not resolve stands for anything, on a named unknown key. */
    private PolicyDocument document(String id, JsonNode value, String property, boolean trust) {
        if (value == null || value.isMissingNode()) {
            return trust ? null : parse("{\"Version\":\"2012-10-17\",\"Statement\":[]}", id, property);
        }
        try {
            JsonNode resolved = intrinsics.resolve(value);
            return parse(resolved.isTextual() ? resolved.asText() : resolved.toString(), id, property);
        } catch (Unresolved e) {
            String key = "cloudformation:" + id + "." + property.replace('/', '.');
            to.unknownKey(key);
            to.warn(where(id) + ": " + property + " does not resolve (" + e.getMessage() + "): counted as anything,"
                    + " conditional on " + key);
            String statement = trust
                    ? "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\","
                    : "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",";
            return parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statement
                    + "\"Condition\":{\"StringEquals\":{\"" + key + "\":\"known once deployed\"}}}]}", id, property);
        }
    }

    private PolicyDocument parse(String text, String id, String property) {
        String where = template.file() + " at " + pointer(id, property) + " (" + id + ")";
        try {
            return PolicyParser.parse(text, where);
        } catch (PolicyParseException e) {
            throw new SnapshotException(e.code(), id + "." + property + ": " + e.getMessage(),
                    new SourceLocation(template.file().toString(), pointer(id, property)));
        }
    }
}
