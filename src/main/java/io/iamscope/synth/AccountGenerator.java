package io.iamscope.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a synthetic account as a snapshot v1 document (docs/snapshot-format.md) for benchmarks: users in
 * groups, roles with trust policies (role chains, service roles, cross-account trusts), customer managed
 * policies of wildcard and conditional statements, inline policies, boundaries, resources with policies, and a
 * sprinkling of privilege-escalation opportunities. Deterministic for a seed.
 */
public final class AccountGenerator {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Spec spec;
    private final Random random;
    private final String account;

    /** What to generate. */
    public record Spec(int users, int roles, int policies, long seed, String accountId) {
        public Spec {
            if (users < 0 || roles < 0 || policies < 1) {
                throw new IllegalArgumentException("users and roles must be >= 0 and policies >= 1");
            }
        }
    }

    public AccountGenerator(Spec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
        this.account = spec.accountId();
    }

    /** A generated snapshot's top level, before its organization and accounts: collected by {@code account}. */
    static ObjectNode header(String account, String tool) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "iamscope-snapshot");
        root.put("version", 1);
        root.put("collectedAt", "2026-01-01T00:00:00Z");
        ObjectNode by = root.putObject("collectedBy");
        by.put("Account", account);
        by.put("Arn", "arn:aws:iam::" + account + ":user/generator");
        by.put("UserId", "AIDAGENERATOR");
        root.put("tool", tool);
        return root;
    }

    /** The whole snapshot. */
    public ObjectNode snapshot() {
        ObjectNode root = header(account, "iamscope generate (seed " + spec.seed() + ")");
        ArrayNode accounts = root.putArray("accounts");
        accounts.add(account());
        return root;
    }

    /** The one account of {@link #snapshot()}, alone: an entry of a snapshot's {@code accounts}. */
    public ObjectNode account() {
        ObjectNode acct = MAPPER.createObjectNode();
        acct.put("accountId", account);
        acct.put("alias", "synthetic-" + spec.seed());
        ObjectNode details = acct.putObject("authorizationDetails");
        List<String> policyArns = new ArrayList<>();
        ArrayNode policies = details.putArray("Policies");
        for (int i = 0; i < spec.policies(); i++) {
            String name = "synth-policy-" + i;
            String arn = "arn:aws:iam::" + account + ":policy/" + name;
            policyArns.add(arn);
            policies.add(managedPolicy(name, arn, i));
        }
        int groupCount = Math.max(1, Math.min(200, spec.users() / 25 + 1));
        ArrayNode groups = details.putArray("GroupDetailList");
        List<String> groupNames = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            String name = Vocabulary.TEAMS.get(g % Vocabulary.TEAMS.size()) + "-" + g;
            groupNames.add(name);
            ObjectNode group = groups.addObject();
            group.put("GroupName", name);
            group.put("GroupId", "AGPA" + id(g));
            group.put("Arn", "arn:aws:iam::" + account + ":group/" + name);
            group.put("Path", "/");
            group.putArray("GroupPolicyList");
            attach(group.putArray("AttachedManagedPolicies"), policyArns, 1 + random.nextInt(3));
        }
        ArrayNode users = details.putArray("UserDetailList");
        ArrayNode keys = acct.putArray("accessKeys");
        for (int u = 0; u < spec.users(); u++) {
            users.add(user(u, groupNames, policyArns, keys));
        }
        ArrayNode roles = details.putArray("RoleDetailList");
        for (int r = 0; r < spec.roles(); r++) {
            roles.add(role(r, policyArns));
        }
        acct.set("resources", resources());
        acct.putArray("gaps");
        return acct;
    }

    private ObjectNode managedPolicy(String name, String arn, int index) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("PolicyName", name);
        p.put("PolicyId", "ANPA" + id(index));
        p.put("Arn", arn);
        p.put("Path", "/");
        p.put("DefaultVersionId", "v1");
        p.put("AttachmentCount", 1);
        p.put("IsAttachable", true);
        ArrayNode versions = p.putArray("PolicyVersionList");
        ObjectNode v = versions.addObject();
        v.set("Document", document(2 + random.nextInt(12)));
        v.put("VersionId", "v1");
        v.put("IsDefaultVersion", true);
        return p;
    }

    private ObjectNode user(int u, List<String> groupNames, List<String> policyArns, ArrayNode keys) {
        String name = "user-" + u;
        ObjectNode user = MAPPER.createObjectNode();
        user.put("UserName", name);
        user.put("UserId", "AIDA" + id(u));
        user.put("Arn", "arn:aws:iam::" + account + ":user/" + name);
        user.put("Path", "/");
        ArrayNode inline = user.putArray("UserPolicyList");
        if (random.nextInt(10) == 0) {
            ObjectNode p = inline.addObject();
            p.put("PolicyName", "inline-" + u);
            p.set("PolicyDocument", document(1 + random.nextInt(4)));
        }
        ArrayNode memberOf = user.putArray("GroupList");
        for (int i = 0, n = random.nextInt(3); i < n; i++) {
            memberOf.add(groupNames.get(random.nextInt(groupNames.size())));
        }
        attach(user.putArray("AttachedManagedPolicies"), policyArns, random.nextInt(3));
        if (random.nextInt(20) == 0) {
            ObjectNode boundary = user.putObject("PermissionsBoundary");
            boundary.put("PermissionsBoundaryType", "Policy");
            boundary.put("PermissionsBoundaryArn", policyArns.get(random.nextInt(policyArns.size())));
        }
        user.putArray("Tags").addObject().put("Key", "team")
                .put("Value", Vocabulary.TEAMS.get(random.nextInt(Vocabulary.TEAMS.size())));
        if (random.nextInt(2) == 0) {
            ObjectNode key = keys.addObject();
            key.put("AccessKeyId", "AKIA" + id(u).substring(0, 12) + "SYNT");
            key.put("UserName", name);
            key.put("Status", "Active");
            key.put("CreateDate", "2025-01-01T00:00:00Z");
        }
        return user;
    }

    private ObjectNode role(int r, List<String> policyArns) {
        String name = "role-" + r;
        ObjectNode role = MAPPER.createObjectNode();
        role.put("RoleName", name);
        role.put("RoleId", "AROA" + id(r));
        role.put("Arn", "arn:aws:iam::" + account + ":role/" + name);
        role.put("Path", "/");
        role.set("AssumeRolePolicyDocument", trustPolicy(r));
        ArrayNode inline = role.putArray("RolePolicyList");
        if (random.nextInt(5) == 0) {
            ObjectNode p = inline.addObject();
            p.put("PolicyName", "inline-" + r);
            p.set("PolicyDocument", document(1 + random.nextInt(4)));
        }
        attach(role.putArray("AttachedManagedPolicies"), policyArns, 1 + random.nextInt(4));
        ArrayNode profiles = role.putArray("InstanceProfileList");
        if (random.nextInt(10) == 0) {
            ObjectNode profile = profiles.addObject();
            profile.put("InstanceProfileName", name);
            profile.put("Arn", "arn:aws:iam::" + account + ":instance-profile/" + name);
        }
        role.putArray("Tags");
        return role;
    }

    private ObjectNode trustPolicy(int r) {
        ObjectNode statement = MAPPER.createObjectNode();
        statement.put("Effect", "Allow");
        statement.put("Action", "sts:AssumeRole");
        ObjectNode principal = statement.putObject("Principal");
        int kind = random.nextInt(10);
        if (kind < 4) {
            principal.put("Service", Vocabulary.TRUSTED_SERVICES.get(random.nextInt(Vocabulary.TRUSTED_SERVICES.size())));
        } else if (kind < 6 && r > 0) {
            principal.put("AWS", "arn:aws:iam::" + account + ":role/role-" + random.nextInt(r));
        } else if (kind < 8) {
            principal.put("AWS", "arn:aws:iam::" + account + ":root");
        } else if (kind < 9) {
            principal.put("AWS", "arn:aws:iam::" + account + ":user/user-" + random.nextInt(Math.max(1, spec.users())));
        } else {
            principal.put("AWS", "arn:aws:iam::999988887777:root");
            statement.putObject("Condition").putObject("StringEquals").put("sts:ExternalId", "ext-" + r);
        }
        return doc(List.of(statement));
    }

    private ArrayNode resources() {
        ArrayNode out = MAPPER.createArrayNode();
        int buckets = Math.max(1, spec.roles() / 20);
        for (int b = 0; b < buckets; b++) {
            ObjectNode bucket = out.addObject();
            String name = "synth-bucket-" + b;
            bucket.put("arn", "arn:aws:s3:::" + name);
            bucket.put("type", "AWS::S3::Bucket");
            bucket.put("region", Vocabulary.REGIONS.get(b % Vocabulary.REGIONS.size()));
            ObjectNode s = MAPPER.createObjectNode();
            s.put("Effect", "Allow");
            s.putObject("Principal").put("AWS", "arn:aws:iam::" + account + ":role/role-" + random.nextInt(Math.max(1, spec.roles())));
            s.putArray("Action").add("s3:GetObject").add("s3:PutObject");
            s.put("Resource", "arn:aws:s3:::" + name + "/*");
            bucket.set("policy", doc(List.of(s)));
        }
        int functions = Math.max(1, spec.roles() / 10);
        for (int f = 0; f < functions && spec.roles() > 0; f++) {
            ObjectNode fn = out.addObject();
            String region = Vocabulary.REGIONS.get(f % Vocabulary.REGIONS.size());
            fn.put("arn", "arn:aws:lambda:" + region + ":" + account + ":function:synth-fn-" + f);
            fn.put("type", "AWS::Lambda::Function");
            fn.put("region", region);
            fn.putNull("policy");
            fn.put("roleArn", "arn:aws:iam::" + account + ":role/role-" + random.nextInt(spec.roles()));
        }
        return out;
    }

    /** A policy document of {@code n} statements mixing reads, writes, service wildcards and conditions. */
    private ObjectNode document(int n) {
        List<ObjectNode> statements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode s = MAPPER.createObjectNode();
            int roll = random.nextInt(100);
            s.put("Effect", roll < 92 ? "Allow" : "Deny");
            ArrayNode actions = s.putArray(roll % 17 == 0 ? "NotAction" : "Action");
            int count = 1 + random.nextInt(5);
            for (int a = 0; a < count; a++) {
                actions.add(pickAction());
            }
            s.set("Resource", pickResource());
            if (random.nextInt(6) == 0) {
                s.putObject("Condition").putObject("StringEquals")
                        .put("aws:RequestedRegion", Vocabulary.REGIONS.get(random.nextInt(Vocabulary.REGIONS.size())));
            } else if (random.nextInt(12) == 0) {
                s.putObject("Condition").putObject("Bool").put("aws:MultiFactorAuthPresent", "true");
            }
            statements.add(s);
        }
        return doc(statements);
    }

    private String pickAction() {
        int roll = random.nextInt(100);
        if (roll < 45) {
            return Vocabulary.READ_ACTIONS.get(random.nextInt(Vocabulary.READ_ACTIONS.size()));
        }
        if (roll < 80) {
            return Vocabulary.WRITE_ACTIONS.get(random.nextInt(Vocabulary.WRITE_ACTIONS.size()));
        }
        if (roll < 95) {
            return Vocabulary.SERVICE_WILDCARDS.get(random.nextInt(Vocabulary.SERVICE_WILDCARDS.size()));
        }
        return Vocabulary.IAM_WRITE_ACTIONS.get(random.nextInt(Vocabulary.IAM_WRITE_ACTIONS.size()));
    }

    private com.fasterxml.jackson.databind.JsonNode pickResource() {
        int roll = random.nextInt(10);
        return switch (roll) {
            case 0, 1, 2, 3 -> MAPPER.getNodeFactory().textNode("*");
            case 4 -> MAPPER.getNodeFactory().textNode("arn:aws:s3:::synth-bucket-" + random.nextInt(50) + "/*");
            case 5 -> MAPPER.getNodeFactory().textNode("arn:aws:iam::" + account + ":role/role-" + random.nextInt(100) + "*");
            case 6 -> MAPPER.getNodeFactory().textNode("arn:aws:lambda:*:" + account + ":function:synth-fn-*");
            case 7 -> MAPPER.getNodeFactory().textNode("arn:aws:dynamodb:*:" + account + ":table/"
                    + Vocabulary.TEAMS.get(random.nextInt(Vocabulary.TEAMS.size())) + "-*");
            default -> MAPPER.getNodeFactory().textNode("arn:aws:*:*:" + account + ":*");
        };
    }

    private void attach(ArrayNode into, List<String> policyArns, int count) {
        for (int i = 0; i < count; i++) {
            String arn = policyArns.get(random.nextInt(policyArns.size()));
            into.addObject().put("PolicyName", arn.substring(arn.lastIndexOf('/') + 1)).put("PolicyArn", arn);
        }
    }

    private static ObjectNode doc(List<ObjectNode> statements) {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("Version", "2012-10-17");
        ArrayNode list = d.putArray("Statement");
        statements.forEach(list::add);
        return d;
    }

    private static String id(int i) {
        return String.format("%016X", (long) i * 2654435761L).substring(0, 16);
    }
}
