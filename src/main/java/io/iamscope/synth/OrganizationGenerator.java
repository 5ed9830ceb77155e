package io.iamscope.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Generates a synthetic AWS Organization as one snapshot v1 document (docs/snapshot-format.md) for measuring
 * growth: a management account, a hub "deployment" account, and N member accounts in OUs (Workloads/Prod,
 * Workloads/Dev, Workloads/Sandbox), each member an {@link AccountGenerator} account plus the roles an
 * organization puts in every account:
 * <ul>
 *   <li>{@code deployment}, administrator, trusting the hub's {@code deploy} role (hub and spoke: the hub's
 *       {@code ci} user reaches every member's administrator in two hops);</li>
 *   <li>{@code OrganizationAccountAccessRole}, administrator, trusting the management account's root (as
 *       Organizations creates it in a new member);</li>
 *   <li>{@code audit}, read-only, trusting the hub account's root (a wide, account-root trust).</li>
 * </ul>
 * The hub also has {@code shared-artifacts}, a role any principal of the Workloads OU may assume
 * ({@code aws:PrincipalOrgPaths}). Each member shares an S3 bucket with the next member's {@code role-0}, a KMS
 * key with the hub account, and an SQS queue with the previous member's account. SCPs: FullAWSAccess on the root,
 * a deny of leaving the organization on Workloads, a region deny on Sandbox; RCPs: RCPFullAWSAccess on the root
 * and a deny of S3 to principals outside the organization on Workloads. Deterministic for a seed.
 */
public final class OrganizationGenerator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String ORG_ID = "o-synth00001";
    public static final String ROOT_ID = "r-syn1";
    public static final String MANAGEMENT_ACCOUNT = "100000000000";
    public static final String HUB_ACCOUNT = "100000000001";
    private static final String OU_SECURITY = "ou-syn1-security";
    private static final String OU_WORKLOADS = "ou-syn1-workload";
    /** The OUs members go to, in turn. */
    private static final List<String> MEMBER_OUS = List.of("ou-syn1-prod0001", "ou-syn1-dev00001", "ou-syn1-sandbox1");
    /** Roles each account gets beside the generated ones. */
    private static final int FIXED_ROLES = 3;

    private final Spec spec;

    /**
     * What to generate.
     *
     * @param accounts        member accounts (besides the management and the hub account)
     * @param rolesPerAccount roles in each member and the hub, the fixed ones included
     */
    public record Spec(int accounts, int rolesPerAccount, int usersPerAccount, int policiesPerAccount, long seed) {
        public Spec {
            if (accounts < 1 || rolesPerAccount < FIXED_ROLES || usersPerAccount < 0 || policiesPerAccount < 1) {
                throw new IllegalArgumentException("accounts must be >= 1, roles per account >= " + FIXED_ROLES
                        + ", users per account >= 0 and policies per account >= 1");
            }
        }
    }

    public OrganizationGenerator(Spec spec) {
        this.spec = spec;
    }

    /** The id of the {@code i}th member account (0-based). */
    public static String memberAccount(int i) {
        return String.valueOf(200_000_000_000L + i);
    }

    /** The whole snapshot. */
    public ObjectNode snapshot() {
        ObjectNode root = AccountGenerator.header(MANAGEMENT_ACCOUNT,
                "iamscope generate --accounts " + spec.accounts() + " (seed " + spec.seed() + ")");
        root.set("organization", organization());
        ArrayNode accounts = root.putArray("accounts");
        accounts.add(generated(MANAGEMENT_ACCOUNT, "management", 0, -1));
        accounts.add(hub());
        for (int i = 0; i < spec.accounts(); i++) {
            accounts.add(member(i));
        }
        return root;
    }

    private ObjectNode organization() {
        ObjectNode org = MAPPER.createObjectNode();
        org.put("id", ORG_ID);
        org.put("managementAccountId", MANAGEMENT_ACCOUNT);
        org.putArray("roots").addObject().put("Id", ROOT_ID).put("Name", "Root");
        ArrayNode ous = org.putArray("organizationalUnits");
        ous.addObject().put("Id", OU_SECURITY).put("Name", "Security").put("ParentId", ROOT_ID);
        ous.addObject().put("Id", OU_WORKLOADS).put("Name", "Workloads").put("ParentId", ROOT_ID);
        for (String ou : MEMBER_OUS) {
            ous.addObject().put("Id", ou).put("Name", ou.substring("ou-syn1-".length()).replaceAll("\\d", ""))
                    .put("ParentId", OU_WORKLOADS);
        }
        ArrayNode accounts = org.putArray("accounts");
        orgAccount(accounts, MANAGEMENT_ACCOUNT, "management", ROOT_ID);
        orgAccount(accounts, HUB_ACCOUNT, "deployment-hub", OU_SECURITY);
        for (int i = 0; i < spec.accounts(); i++) {
            orgAccount(accounts, memberAccount(i), "member-" + i, MEMBER_OUS.get(i % MEMBER_OUS.size()));
        }
        // As Organizations does, the AWS managed FullAWSAccess and RCPFullAWSAccess are attached to the root, every
        // OU and every account: an SCP must allow at each level (Organizations User Guide: SCP evaluation).
        List<String> everyTarget = new java.util.ArrayList<>(List.of(ROOT_ID));
        ous.forEach(ou -> everyTarget.add(ou.get("Id").asText()));
        accounts.forEach(a -> everyTarget.add(a.get("Id").asText()));
        ArrayNode policies = org.putArray("policies");
        ObjectNode allowAll = statement("Allow", List.of("*"), "*");
        policies.add(orgPolicy("p-FullAWSAccess", "FullAWSAccess", "SERVICE_CONTROL_POLICY", true, allowAll,
                everyTarget));
        policies.add(orgPolicy("p-syn1denyleave", "DenyLeaveOrganization", "SERVICE_CONTROL_POLICY", false,
                statement("Deny", List.of("organizations:LeaveOrganization"), "*"), List.of(OU_WORKLOADS)));
        ObjectNode regions = statement("Deny", List.of(), "*");
        regions.remove("Action");
        regions.putArray("NotAction").add("iam:*").add("sts:*").add("organizations:*").add("support:*");
        regions.putObject("Condition").putObject("StringNotEquals").putArray("aws:RequestedRegion")
                .add("us-east-1").add("eu-west-1");
        policies.add(orgPolicy("p-syn1regions", "DenyOtherRegions", "SERVICE_CONTROL_POLICY", false, regions,
                List.of(MEMBER_OUS.get(2))));
        policies.add(orgPolicy("p-RCPFullAWSAccess", "RCPFullAWSAccess", "RESOURCE_CONTROL_POLICY", true,
                statement("Allow", List.of("*"), "*").put("Principal", "*"), everyTarget));
        ObjectNode perimeter = statement("Deny", List.of("s3:*"), "*").put("Principal", "*");
        ObjectNode condition = perimeter.putObject("Condition");
        condition.putObject("StringNotEqualsIfExists").put("aws:PrincipalOrgID", ORG_ID);
        condition.putObject("BoolIfExists").put("aws:PrincipalIsAWSService", "false");
        policies.add(orgPolicy("p-syn1perimeter", "DenyS3OutsideOrg", "RESOURCE_CONTROL_POLICY", false, perimeter,
                List.of(OU_WORKLOADS)));
        return org;
    }

    private static void orgAccount(ArrayNode into, String id, String name, String parent) {
        into.addObject().put("Id", id).put("Name", name).put("Email", "aws-" + name + "@example.com")
                .put("Status", "ACTIVE").put("ParentId", parent);
    }

    private static ObjectNode orgPolicy(String id, String name, String type, boolean awsManaged, ObjectNode statement,
                                        List<String> targets) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("Id", id);
        p.put("Arn", "arn:aws:organizations::" + (awsManaged ? "aws" : MANAGEMENT_ACCOUNT) + ":policy/"
                + (awsManaged ? "" : ORG_ID + "/") + type.toLowerCase(java.util.Locale.ROOT) + "/" + id);
        p.put("Name", name);
        p.put("Type", type);
        p.put("AwsManaged", awsManaged);
        p.set("Content", doc(statement));
        ArrayNode t = p.putArray("Targets");
        targets.forEach(t::add);
        return p;
    }

    /**
     * An {@link AccountGenerator} account with room for {@code fixedRoles} more roles, seeded per account
     * ({@code seedIndex}: the member's index, or a negative number for the management and hub accounts).
     */
    private ObjectNode generated(String accountId, String alias, int fixedRoles, long seedIndex) {
        var accountSpec = new AccountGenerator.Spec(spec.usersPerAccount(), spec.rolesPerAccount() - fixedRoles,
                spec.policiesPerAccount(), spec.seed() * 1_000_003L + seedIndex, accountId);
        ObjectNode account = new AccountGenerator(accountSpec).account();
        account.put("alias", alias);
        return account;
    }

    private ObjectNode hub() {
        ObjectNode account = generated(HUB_ACCOUNT, "deployment-hub", 2, -2);
        ObjectNode details = (ObjectNode) account.get("authorizationDetails");
        ArrayNode roles = (ArrayNode) details.get("RoleDetailList");
        String deploy = "arn:aws:iam::" + HUB_ACCOUNT + ":role/deploy";
        roles.add(role(HUB_ACCOUNT, "deploy", trust("arn:aws:iam::" + HUB_ACCOUNT + ":user/ci"),
                statement("Allow", List.of("sts:AssumeRole"), "arn:aws:iam::*:role/deployment")));
        ObjectNode orgTrust = statement("Allow", List.of("sts:AssumeRole"), null);
        orgTrust.remove("Resource");
        orgTrust.put("Principal", "*");
        orgTrust.putObject("Condition").putObject("ForAnyValue:StringLike")
                .put("aws:PrincipalOrgPaths", ORG_ID + "/" + ROOT_ID + "/" + OU_WORKLOADS + "/*");
        roles.add(role(HUB_ACCOUNT, "shared-artifacts", doc(orgTrust),
                statement("Allow", List.of("s3:GetObject", "s3:ListBucket"), "arn:aws:s3:::synth-artifacts*")));
        ObjectNode ci = MAPPER.createObjectNode();
        ci.put("UserName", "ci");
        ci.put("UserId", "AIDASYNTHHUBCI0000001");
        ci.put("Arn", "arn:aws:iam::" + HUB_ACCOUNT + ":user/ci");
        ci.put("Path", "/");
        ci.putArray("UserPolicyList").addObject().put("PolicyName", "assume-deploy")
                .set("PolicyDocument", doc(statement("Allow", List.of("sts:AssumeRole"), deploy)));
        ci.putArray("GroupList");
        ci.putArray("AttachedManagedPolicies");
        ci.putArray("Tags");
        ((ArrayNode) details.get("UserDetailList")).add(ci);
        return account;
    }

    private ObjectNode member(int i) {
        String id = memberAccount(i);
        ObjectNode account = generated(id, "member-" + i, FIXED_ROLES, i);
        ArrayNode roles = (ArrayNode) account.with("authorizationDetails").get("RoleDetailList");
        ObjectNode admin = statement("Allow", List.of("*"), "*");
        roles.add(role(id, "deployment", trust("arn:aws:iam::" + HUB_ACCOUNT + ":role/deploy"), admin));
        roles.add(role(id, "OrganizationAccountAccessRole", trust("arn:aws:iam::" + MANAGEMENT_ACCOUNT + ":root"),
                admin));
        roles.add(role(id, "audit", trust("arn:aws:iam::" + HUB_ACCOUNT + ":root"),
                statement("Allow", List.of("iam:Get*", "iam:List*", "s3:List*", "ec2:Describe*"), "*")));
        ArrayNode resources = (ArrayNode) account.get("resources");
        String next = memberAccount((i + 1) % spec.accounts());
        String previous = memberAccount((i + spec.accounts() - 1) % spec.accounts());
        String bucket = "synth-shared-" + id;
        ObjectNode share = statement("Allow", List.of("s3:GetObject", "s3:PutObject"), "arn:aws:s3:::" + bucket + "/*");
        share.putObject("Principal").put("AWS", "arn:aws:iam::" + next + ":role/role-0");
        resources.add(resource("arn:aws:s3:::" + bucket, "AWS::S3::Bucket", "us-east-1", share));
        String key = "arn:aws:kms:us-east-1:" + id + ":key/00000000-0000-4000-8000-" + id;
        ObjectNode decrypt = statement("Allow", List.of("kms:Decrypt", "kms:GenerateDataKey"), "*");
        decrypt.putObject("Principal").put("AWS", "arn:aws:iam::" + HUB_ACCOUNT + ":root");
        resources.add(resource(key, "AWS::KMS::Key", "us-east-1", decrypt));
        String queue = "arn:aws:sqs:us-east-1:" + id + ":synth-events";
        ObjectNode send = statement("Allow", List.of("sqs:SendMessage"), queue);
        send.putObject("Principal").put("AWS", "arn:aws:iam::" + previous + ":root");
        resources.add(resource(queue, "AWS::SQS::Queue", "us-east-1", send));
        return account;
    }

    private static ObjectNode resource(String arn, String type, String region, ObjectNode statement) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("arn", arn);
        r.put("type", type);
        r.put("region", region);
        r.set("policy", doc(statement));
        return r;
    }

    private static ObjectNode role(String account, String name, ObjectNode trust, ObjectNode permission) {
        ObjectNode role = MAPPER.createObjectNode();
        role.put("RoleName", name);
        role.put("RoleId", "AROASYNTH" + Integer.toHexString((account + name).hashCode()).toUpperCase(
                java.util.Locale.ROOT));
        role.put("Arn", "arn:aws:iam::" + account + ":role/" + name);
        role.put("Path", "/");
        role.set("AssumeRolePolicyDocument", trust);
        role.putArray("RolePolicyList").addObject().put("PolicyName", name + "-permissions")
                .set("PolicyDocument", doc(permission));
        role.putArray("AttachedManagedPolicies");
        role.putArray("InstanceProfileList");
        role.putArray("Tags");
        return role;
    }

    private static ObjectNode trust(String principalArn) {
        ObjectNode s = statement("Allow", List.of("sts:AssumeRole"), null);
        s.remove("Resource");
        s.putObject("Principal").put("AWS", principalArn);
        return doc(s);
    }

    private static ObjectNode statement(String effect, List<String> actions, String resource) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("Effect", effect);
        ArrayNode a = s.putArray("Action");
        actions.forEach(a::add);
        if (resource != null) {
            s.put("Resource", resource);
        }
        return s;
    }

    private static ObjectNode doc(ObjectNode statement) {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("Version", "2012-10-17");
        d.putArray("Statement").add(statement);
        return d;
    }
}
