package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code iamscope can} on the bundled sample organization (docs/sample-org.md). */
class CanCommandTest {
    private static final String SNAPSHOT = "policies-fixtures/sample-org/snapshot.json";
    private static final String DEV = "arn:aws:iam::333333333333:";

    private static CliRun can(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "can";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--snapshot";
        all[args.length + 2] = SNAPSHOT;
        return CliRun.of(all);
    }

    private static String decision(String... args) {
        CliRun r = can(args);
        assertEquals(0, r.exit(), r.err());
        return r.out().lines().findFirst().orElse("");
    }

    @Test
    void leakedKeyResolvesToTheContractorAndTextExplainsTheLayers() {
        CliRun r = can("AKIAZCONTRACTOR7LEAK", "iam:CreatePolicyVersion", DEV + "policy/contractor-tooling");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Allow\n"), r.out());
        assertTrue(r.out().contains("via access key `AKIAZCONTRACTOR7LEAK`"), r.out());
        assertTrue(r.out().contains("SCPs at OU `Dev` (ou-acme-dev): allows"), r.out());
        assertTrue(r.out().contains("identity-based policy: allows"), r.out());
        assertTrue(r.out().contains("statement `SelfServiceTooling` (#1)"), r.out());
        assertTrue(r.err().startsWith("read " + SNAPSHOT + ": iamscope snapshot v1, 3 accounts"), r.err());
    }

    @Test
    void theFiveEscalationPathsAreOpen() {
        // 1. iam:CreatePolicyVersion on its own policy.
        assertEquals("Allow", decision("ext-contractor-jdoe", "iam:CreatePolicyVersion", DEV + "policy/contractor-tooling"));
        // 2. iam:PassRole an admin role to a new Lambda function, then invoke it.
        assertEquals("Allow", decision("mlee", "iam:PassRole", DEV + "role/lambda-admin-exec"));
        assertEquals("Allow", decision("mlee", "lambda:CreateFunction",
                "arn:aws:lambda:us-east-1:333333333333:function:x"));
        assertEquals("Allow", decision("mlee", "lambda:InvokeFunction",
                "arn:aws:lambda:us-east-1:333333333333:function:x"));
        // 3. iam:AttachUserPolicy on itself (but not on others).
        assertEquals("Allow", decision("intern-tkim", "iam:AttachUserPolicy", DEV + "user/intern-tkim"));
        assertEquals("ImplicitDeny", decision("intern-tkim", "iam:AttachUserPolicy", DEV + "user/mlee"));
        // 4. iam:UpdateAssumeRolePolicy on an admin role.
        assertEquals("Allow", decision("ops-cdiaz", "sts:AssumeRole", DEV + "role/ops-automation"));
        assertEquals("Allow", decision("ops-automation", "iam:UpdateAssumeRolePolicy", DEV + "role/dev-break-glass"));
        // 5. iam:CreateAccessKey on an admin user.
        assertEquals("Allow", decision("helpdesk-rsingh", "iam:CreateAccessKey", DEV + "user/admin-ppatel"));
        // 6. iam:AddUserToGroup to the admins group.
        assertEquals("Allow", decision("team-lead-akhan", "iam:AddUserToGroup", DEV + "group/admins"));
        // 7. ssm:SendCommand on the instance with an admin profile.
        assertEquals("Allow", decision("oncall-bwu", "ssm:SendCommand",
                "arn:aws:ec2:us-east-1:333333333333:instance/i-0adm1nb0x0000001"));
    }

    @Test
    void theLeakReachesProdDataThroughTheDeployChain() {
        String data = "arn:aws:s3:::acme-prod-customer-data/exports/customers.csv";
        assertEquals("ImplicitDeny", decision("AKIAZCONTRACTOR7LEAK", "s3:GetObject", data));
        assertEquals("Allow", decision("admin-ppatel", "sts:AssumeRole", DEV + "role/ci-deployer"));
        assertEquals("Allow", decision("ci-deployer", "sts:AssumeRole", "arn:aws:iam::222222222222:role/acme-deploy"));
        assertEquals("Allow", decision("acme-deploy", "s3:GetObject", data));
        // The break-glass role needs MFA: conditional when MFA is unknown.
        CliRun r = can("org-admin-mchen", "sts:AssumeRole", "arn:aws:iam::111111111111:role/break-glass-mgmt",
                "--unknown", "aws:MultiFactorAuthPresent");
        assertTrue(r.out().startsWith("Allow conditional on "), r.out());
    }

    @Test
    void scpsDenyWhatTheyGuard() {
        assertEquals("ExplicitDeny", decision("admin-ppatel", "cloudtrail:StopLogging",
                "arn:aws:cloudtrail:us-east-1:333333333333:trail/acme-org-trail"));
        assertEquals("ExplicitDeny", decision("admin-ppatel", "ec2:RunInstances",
                "arn:aws:ec2:ap-southeast-2:333333333333:instance/*"));
        assertEquals("Allow", decision("admin-ppatel", "ec2:RunInstances", "*", "--context",
                "aws:RequestedRegion=eu-west-1"));
    }

    @Test
    void jsonOutputHasDecisionReasonsAndLayers() throws Exception {
        CliRun r = can("acme-deploy", "s3:GetObject", "arn:aws:s3:::acme-prod-customer-data/x", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("Allow", j.get("decision").asText());
        assertEquals(0, j.get("conditional").size());
        assertTrue(j.get("condition").isNull());
        assertTrue(j.get("layers").size() >= 6);
        boolean identity = false;
        for (JsonNode reason : j.get("reasons")) {
            identity |= reason.get("layer").asText().equals("IDENTITY") && reason.get("sid").asText().equals("Artifacts");
        }
        assertTrue(identity, r.out());
    }

    @Test
    void unknownPrincipalSuggestsNearestNamesAndExitsTwo() {
        CliRun r = can("mle", "s3:GetObject", "*");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("iamscope: PRINCIPAL_NOT_FOUND: no user or role named `mle`"), r.err());
        assertTrue(r.err().contains("did you mean `mlee`"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void ambiguousNameListsCandidates() {
        CliRun r = can("OrganizationAccountAccessRole", "s3:GetObject", "*");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("PRINCIPAL_AMBIGUOUS"), r.err());
        assertTrue(r.err().contains("arn:aws:iam::222222222222:role/OrganizationAccountAccessRole"), r.err());
    }

    @Test
    void badActionAndResourceExitTwo() {
        CliRun action = can("mlee", "s3:GetObjekt*", "*");
        assertEquals(2, action.exit());
        assertTrue(action.err().contains("ACTION_INVALID"), action.err());
        CliRun resource = can("mlee", "s3:GetObject", "acme-prod-customer-data");
        assertEquals(2, resource.exit());
        assertTrue(resource.err().contains("did you mean `arn:aws:s3:::acme-prod-customer-data`"), resource.err());
        assertEquals(2, can("mlee", "s3:GetObject", "*", "--context", "novalue").exit());
    }

    @Test
    void groupsCannotMakeRequests() {
        CliRun r = can("admins", "s3:GetObject", "*");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("PRINCIPAL_IS_GROUP"), r.err());
    }
}
