package io.iamscope.model.io.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.InlinePolicy;
import io.iamscope.model.Role;
import io.iamscope.model.io.planned.PlannedSnapshot;
import io.iamscope.policy.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS SAM templates read as the transform deploys them (AWS SAM Developer Guide, "Generated CloudFormation resources
 * for AWS SAM": a function without Role gets {@code <LogicalId>Role}, its Policies as managed policies, inline
 * documents and policy templates): policies-fixtures/ci/cfn-sam-functions.yaml on the sample organization's acme-dev.
 */
class SamTransformTest {
    private static final Path CI = SampleDev.CI;
    private static final String DEV = SampleDev.DEV;

    @TempDir
    Path dir;

    private static PlannedSnapshot apply(Path template) {
        return SampleDev.apply(template, "us-east-1", "app", Map.of());
    }

    private static Role role(PlannedSnapshot p, String name) {
        return SampleDev.role(p, name);
    }

    @Test
    void aFunctionWithoutRoleGetsTheRoleSamGenerates() {
        PlannedSnapshot p = apply(CI.resolve("cfn-sam-functions.yaml"));
        Role report = role(p, "app-ReportFunctionRole-GENERATED");
        assertTrue(report.trustPolicy().toString().contains("lambda.amazonaws.com"), report.trustPolicy().toString());
        // The basic execution role, X-Ray from Globals' Tracing: Active, and the AWS managed policy named.
        assertEquals(List.of("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess", "arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess"),
                report.attachedPolicyArns());
        InlinePolicy s3 = report.inlinePolicies().get(0);
        assertEquals("ReportFunctionRolePolicy0", s3.name());
        Statement read = s3.document().statements().get(0);
        assertTrue(read.action().patterns().contains("s3:GetObject"), read.toString());
        assertEquals(List.of("arn:aws:s3:::acme-dev-datalake", "arn:aws:s3:::acme-dev-datalake/*"),
                read.resource().patterns());
        assertEquals("PutMetrics", report.inlinePolicies().get(1).document().statements().get(0).sid());
        assertEquals(Map.of("lambda:createdBy", "SAM"), report.tags());
        assertEquals("ReportFunctionRole", p.addresses().get(report.arn()), "SAM's logical id, at the function's line");
    }

    /** An SQS event source adds the queue execution role policy to the generated role. */
    @Test
    void anSqsEventAddsItsExecutionPolicy() {
        Role deploy = role(apply(CI.resolve("cfn-sam-functions.yaml")), "app-DeployFunctionRole-GENERATED");
        assertTrue(deploy.attachedPolicyArns().contains(
                "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"), deploy.attachedPolicyArns()
                .toString());
    }

    /** A policy template iamscope does not know stands for anything, conditional on a named key: never nothing. */
    @Test
    void anUnknownPolicyTemplateIsConditionalAnything() {
        PlannedSnapshot p = apply(CI.resolve("cfn-sam-functions.yaml"));
        Role plugin = role(p, "app-PluginFunctionRole-GENERATED");
        Statement any = plugin.inlinePolicies().get(0).document().statements().get(0);
        assertEquals(List.of("*"), any.action().patterns());
        String key = "cloudformation:PluginFunctionRole.Policies.0.PolicyDocument";
        assertTrue(p.unknownKeys().contains(key), p.unknownKeys().toString());
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("PluginFunction: Policies entry `AcmeFuturePolicy`"
                + " is not a policy template iamscope knows")), p.warnings().toString());
    }

    @Test
    void aStateMachinesRoleTrustsStepFunctions() {
        Role workflow = role(apply(CI.resolve("cfn-sam-functions.yaml")), "app-ReportWorkflowRole-GENERATED");
        assertTrue(workflow.trustPolicy().toString().contains("states.amazonaws.com"));
        assertEquals(List.of("arn:aws:lambda:us-east-1:333333333333:function:nightly-report-v2*"),
                workflow.inlinePolicies().get(0).document().statements().get(0).resource().patterns());
    }

    @Test
    void whatIsNotModelledIsSaid() {
        List<String> warnings = apply(CI.resolve("cfn-sam-functions.yaml")).warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("ReportApi: Auth.ResourcePolicy is an API Gateway"
                + " resource policy, which is not modelled")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("ReportConnector: AWS::Serverless::Connector is not"
                + " expanded")), warnings.toString());
    }

    /** With Role the function runs as that role: no role is generated, Policies are SAM's to ignore. */
    @Test
    void aFunctionWithItsRoleMakesNoRole() throws Exception {
        Path f = dir.resolve("sam.yaml");
        Files.writeString(f, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Role: arn:aws:iam::333333333333:role/lambda-basic-exec
                      Policies: [AdministratorAccess]
                """);
        PlannedSnapshot p = apply(f);
        assertFalse(p.snapshot().account(DEV).roles().stream().anyMatch(r -> r.name().contains("FnRole")));
        assertEquals(List.of(), p.warnings());
        assertEquals(Map.of(), p.addresses());
    }

    /** The generated role is at the function's line, where a report points. */
    @Test
    void theGeneratedRoleHasTheFunctionsLine() {
        CloudFormationTemplate t = CloudFormationTemplate.read(CI.resolve("cfn-sam-functions.yaml"));
        assertEquals(t.lines().get("DeployFunction"), t.lines().get("DeployFunctionRole"));
        assertEquals("AWS::IAM::Role", t.resources().path("DeployFunctionRole").path("Type").asText());
        assertFalse(t.root().has("Transform"));
    }
}
