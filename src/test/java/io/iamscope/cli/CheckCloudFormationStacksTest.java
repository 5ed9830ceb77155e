package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code iamscope check --cloudformation} with AWS SAM's transform and nested stacks (policies-fixtures/ci,
 * cfn-sam-functions.yaml and cfn-nested-parent.yaml on the sample organization's acme-dev): what the transform
 * and a local nested template create is checked, and SARIF points at the line in the template given.
 */
class CheckCloudFormationStacksTest {
    private static CliRun check(String template, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check", "--snapshot",
                "policies-fixtures/sample-org/snapshot.json", "--account", "333333333333", "--region", "us-east-1",
                "--cloudformation", "policies-fixtures/ci/" + template, "--fail-on", "high", "-q"));
        args.addAll(java.util.List.of(more));
        return CliRun.of(args);
    }

    private static JsonNode firstResult(CliRun r) throws Exception {
        return new ObjectMapper().readTree(r.out()).path("runs").path(0).path("results").path(0);
    }

    @Test
    void theRoleSamGeneratesIsChecked() throws Exception {
        CliRun r = check("cfn-sam-functions.yaml");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        assertTrue(r.out().contains("PRIVILEGE_ESCALATION  role `stack-DeployFunctionRole-GENERATED` can become an"
                + " administrator (lambda-create-function-invoke"), r.out());
        CliRun sarif = check("cfn-sam-functions.yaml", "--format", "sarif");
        JsonNode first = firstResult(sarif);
        assertEquals("PRIVILEGE_ESCALATION", first.path("ruleId").asText());
        // The generated role has no line of its own: the function it is made for.
        assertEquals(32, first.path("locations").path(0).path("physicalLocation").path("region").path("startLine")
                .asInt(), first.toString());
    }

    @Test
    void aLocalNestedStackIsCheckedAndARemoteOneSaid() throws Exception {
        CliRun r = check("cfn-nested-parent.yaml");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        assertTrue(r.out().contains("audit-fmoreau -> reporting [assume-role]"), r.out());
        assertTrue(r.err().contains("SharedNetwork: TemplateURL `https://acme-cfn-templates.s3.amazonaws.com/network"
                + "/vpc.yaml` is not a local file and cannot be read offline"), r.err());
        JsonNode first = firstResult(check("cfn-nested-parent.yaml", "--format", "sarif"));
        assertTrue(first.path("message").path("text").asText().startsWith("ReportingIam: "), first.toString());
        assertEquals(15, first.path("locations").path(0).path("physicalLocation").path("region").path("startLine")
                .asInt(), first.toString());
    }
}
