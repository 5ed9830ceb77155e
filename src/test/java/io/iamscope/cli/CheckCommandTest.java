package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code iamscope check --terraform-plan}: the plans of policies-fixtures/ci against the sample organization's
 * acme-dev: one that adds a path to admin fails the gate, one that removes one and a harmless one pass, one with a
 * trust policy unknown until apply is conditional, a malformed one is an input error.
 */
class CheckCommandTest {
    record Run(int exit, String out, String err) {
    }

    private static Run check(String plan, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("check", "--snapshot", "policies-fixtures/sample-org/snapshot.json",
                "--account", "333333333333", "--terraform-plan", "policies-fixtures/ci/" + plan));
        args.addAll(List.of(more));
        if (!args.contains("--fail-on")) {
            args.addAll(List.of("--fail-on", "high"));
        }
        return new Run(cl.execute(args.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void aPlanThatAddsAPathToAdminFails() {
        Run r = check("tf-adds-escalation.json");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        String gives = r.out().substring(r.out().indexOf("WHAT THE CHANGE GIVES"), r.out().indexOf("NEW FINDINGS"));
        assertTrue(gives.contains("audit-fmoreau (arn:aws:iam::333333333333:user/audit-fmoreau): no path to admin ->"
                + " can reach admin (conditional)"), gives);
        assertTrue(gives.contains("audit-fmoreau -> reporting [assume-role]"), gives);
        assertTrue(gives.contains("reporting -> lambda-admin-exec [lambda-create-function-invoke]"), gives);
        // What the new role holds is shown, not only that it was added.
        assertTrue(r.out().contains("ADDED attached policy of arn:aws:iam::333333333333:role/reporting:"
                + " arn:aws:iam::333333333333:policy/deploy-tools"), r.out());
        assertTrue(r.out().contains("ADDED trust policy of arn:aws:iam::333333333333:role/reporting"), r.out());
    }

    @Test
    void aPlanThatRemovesAPathPasses() {
        Run r = check("tf-removes-escalation.json");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("intern-tkim: can reach admin -> no path to admin"), r.out());
    }

    /** Administrators reaching the new role is no gain: they control the account already. */
    @Test
    void aHarmlessPlanPassesWithNothingGained() {
        Run r = check("tf-harmless.json");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("no principal came closer to administrator or reaches anyone new"), r.out());
        assertTrue(r.out().contains("ADDED role of arn:aws:iam::333333333333:role/service/thumbnails"), r.out());
    }

    @Test
    void anUnknownTrustPolicyIsConditionalNotNoOne() {
        Run r = check("tf-unknown-trust.json");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        assertTrue(r.out().contains("break-glass-v2 [assume-role] (if terraform:aws_iam_role.break_glass_v2"
                + ".assume_role_policy)"), r.out());
    }

    /**
     * Resource policies are checked as AWS evaluates them: the organization's RCP keeps anyone away from the
     * bucket the plan opens (S3 is under it), but not from the function (Lambda is not), so only that is new.
     */
    @Test
    void aResourceOpenedToAnotherAccountFailsWhereNoRcpStopsIt() {
        Run r = check("tf-opens-resources.json", "--fail-on", "medium");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        String findings = r.out().substring(r.out().indexOf("NEW FINDINGS"), r.out().indexOf("WRITTEN DIFFERENTLY"));
        assertTrue(findings.contains("RESOURCE_FOREIGN_ACCOUNT  AWS::Lambda::Function"
                + " `arn:aws:lambda:us-east-1:333333333333:function:nightly-report`"), findings);
        assertFalse(findings.contains("acme-dev-datalake"), findings);
        assertFalse(findings.contains("exports"), findings);
        assertTrue(r.out().contains("ADDED resource policy of arn:aws:s3:::acme-dev-datalake"), r.out());
    }

    @Test
    void removingTheRcpMakesTheOpenedBucketPublic() {
        Run r = check("tf-removes-rcp.json");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        assertTrue(r.out().contains("CRITICAL RESOURCE_PUBLIC  AWS::S3::Bucket `arn:aws:s3:::acme-dev-datalake`"),
                r.out());
        assertTrue(r.out().contains("REMOVED organization policy of arn:aws:organizations::111111111111:policy/"
                + "o-acme123456/resource_control_policy/p-rcpperim01"), r.out());
    }

    @Test
    void aTemplateThatOpensATopicToAnotherAccountFails() {
        CliRun r = CliRun.of("check", "--snapshot", "policies-fixtures/sample-org/snapshot.json", "--account",
                "333333333333", "--region", "us-east-1", "--cloudformation", "policies-fixtures/ci/cfn-opens-resources.yaml",
                "--fail-on", "medium");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        String findings = r.out().substring(r.out().indexOf("NEW FINDINGS"), r.out().indexOf("WRITTEN DIFFERENTLY"));
        assertTrue(findings.contains("AWS::SNS::Topic `arn:aws:sns:us-east-1:333333333333:exports`"), findings);
        assertTrue(findings.contains("function:nightly-report"), findings);
        assertFalse(findings.contains("acme-dev-exports"), "the RCP keeps anyone away from the bucket: " + findings);
    }

    @Test
    void aMalformedPlanIsAnInputError() {
        Run r = check("tf-malformed.json");
        assertEquals(ExitCodes.INPUT_ERROR, r.exit(), r.err());
        assertTrue(r.err().contains("tf-malformed.json") && r.err().contains("PLAN_MALFORMED_JSON"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    private static Run template(String template, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("check", "--snapshot", "policies-fixtures/sample-org/snapshot.json",
                "--account", "333333333333", "--cloudformation", "policies-fixtures/ci/" + template, "--fail-on",
                "high"));
        args.addAll(List.of(more));
        return new Run(cl.execute(args.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void aTemplateThatAddsAPathToAdminFails() {
        Run r = template("cfn-adds-escalation.yaml");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        String gives = r.out().substring(r.out().indexOf("WHAT THE CHANGE GIVES"), r.out().indexOf("NEW FINDINGS"));
        assertTrue(gives.contains("audit-fmoreau (arn:aws:iam::333333333333:user/audit-fmoreau): no path to admin ->"
                + " can reach admin (conditional)"), gives);
        assertTrue(gives.contains("reporting -> lambda-admin-exec [lambda-create-function-invoke]"), gives);
    }

    @Test
    void aHarmlessTemplatePassesWithTheGeneratedNameSaid() {
        Run r = template("cfn-harmless.json");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("no principal came closer to administrator or reaches anyone new"), r.out());
        assertTrue(r.out().contains("WebRole: no name is given: CloudFormation makes one"), r.out());
    }

    @Test
    void anUnresolvedParameterInATrustPolicyIsConditional() {
        Run r = template("cfn-unknown-trust.yaml");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        assertTrue(r.out().contains("break-glass-dev [assume-role] (if cloudformation:BreakGlassRole"
                + ".AssumeRolePolicyDocument)"), r.out());
    }

    @Test
    void aMalformedTemplateNamesTheFileAndLine() {
        Run r = template("cfn-malformed.yaml");
        assertEquals(ExitCodes.INPUT_ERROR, r.exit(), r.err());
        assertTrue(r.err().contains("cfn-malformed.yaml: TEMPLATE_MALFORMED_YAML") && r.err().contains("(line 11)"),
                r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aPlanAndATemplateTogether() {
        Run r = template("cfn-harmless.json", "--terraform-plan", "policies-fixtures/ci/tf-removes-escalation.json");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().contains("of 1 plan(s) and 1 template(s)"), r.err());
        assertTrue(r.out().contains("intern-tkim: can reach admin -> no path to admin"), r.out());
    }

    /** SARIF results at the line of the resource change in the plan and of the resource in the template. */
    @Test
    void sarifPointsAtThePlannedResource() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Run plan = check("tf-adds-escalation.json", "--format", "sarif");
        assertEquals(ExitCodes.FINDINGS, plan.exit(), plan.err());
        com.fasterxml.jackson.databind.JsonNode result = json.readTree(plan.out()).path("runs").path(0)
                .path("results").path(0);
        assertTrue(result.path("message").path("text").asText().startsWith("aws_iam_policy.deploy_tools: "),
                result.toString());
        com.fasterxml.jackson.databind.JsonNode at = result.path("locations").path(0).path("physicalLocation");
        assertEquals("policies-fixtures/ci/tf-adds-escalation.json", at.path("artifactLocation").path("uri")
                .asText());
        assertEquals(20, at.path("region").path("startLine").asInt(), result.toString());

        Run template = template("cfn-adds-escalation.yaml", "--format", "sarif");
        at = json.readTree(template.out()).path("runs").path(0).path("results").path(0).path("locations").path(0)
                .path("physicalLocation");
        assertEquals("policies-fixtures/ci/cfn-adds-escalation.yaml", at.path("artifactLocation").path("uri")
                .asText());
        assertEquals(25, at.path("region").path("startLine").asInt(), at.toString());
    }

    @Test
    void aSnapshotOfSeveralAccountsNeedsAccount() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("check", "--snapshot", "policies-fixtures/sample-org/snapshot.json",
                "--terraform-plan", "policies-fixtures/ci/tf-harmless.json");
        assertEquals(ExitCodes.INPUT_ERROR, exit, err.toString());
        assertTrue(err.toString().contains("CHECK_ACCOUNT_AMBIGUOUS"), err.toString());
    }

    /** Without a base snapshot: an empty account plus what is planned. */
    @Test
    void withoutASnapshotThePlanIsCheckedOnItsOwn() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("check", "--terraform-plan", "policies-fixtures/ci/tf-adds-escalation.json",
                "--account", "333333333333", "--fail-on", "medium");
        assertEquals(ExitCodes.FINDINGS, exit, err.toString());
        assertTrue(out.toString().contains("PASSROLE_ANY_ROLE"), out.toString());
    }
}
