package io.iamscope.model.io.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.Role;
import io.iamscope.model.io.planned.PlannedSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nested stacks ({@code AWS::CloudFormation::Stack}): a local TemplateURL is read relative to the parent and applied
 * with the parameters the parent gives; a URL is a warning naming the resource (its resources not counted).
 */
class NestedStacksTest {
    private static final Path CI = SampleDev.CI;
    private static final String DEV = SampleDev.DEV;

    @TempDir
    Path dir;

    private static PlannedSnapshot apply(Path template) {
        return SampleDev.apply(template, "us-east-1", "ci", Map.of());
    }

    private static Role role(PlannedSnapshot p, String name) {
        return SampleDev.role(p, name);
    }

    @Test
    void aLocalNestedTemplateIsAppliedWithItsParameters() {
        PlannedSnapshot p = apply(CI.resolve("cfn-nested-parent.yaml"));
        Role reporting = role(p, "reporting");
        assertTrue(reporting.trustPolicy().toString().contains("arn:aws:iam::333333333333:user/audit-fmoreau"),
                reporting.trustPolicy().toString());
        assertEquals(List.of("arn:aws:iam::333333333333:policy/deploy-tools"), reporting.attachedPolicyArns());
        // Reported at the nested stack's resource of the template given.
        assertEquals("ReportingIam", p.addresses().get(reporting.arn()));
        assertEquals("ReportingIam", p.addresses().get("arn:aws:iam::333333333333:policy/deploy-tools"));
    }

    @Test
    void aRemoteTemplateIsAWarningNamingTheResource() {
        List<String> warnings = apply(CI.resolve("cfn-nested-parent.yaml")).warnings();
        assertEquals(List.of("policies-fixtures/ci/cfn-nested-parent.yaml SharedNetwork: TemplateURL"
                + " `https://acme-cfn-templates.s3.amazonaws.com/network/vpc.yaml` is not a local file and cannot be read"
                + " offline: the resources of nested stack SharedNetwork are not checked (what they grant is not"
                + " counted); give the template as packaged from local files, or check the nested template with its"
                + " own --cloudformation"), warnings);
    }

    /** A parameter the parent gives but that does not resolve is unknown in the child, never the child's default. */
    @Test
    void anUnresolvedParameterIsUnknownInTheChild() throws Exception {
        Files.createDirectories(dir.resolve("nested"));
        Files.copy(CI.resolve("nested/cfn-nested-child.yaml"), dir.resolve("nested/child.yaml"));
        Files.writeString(dir.resolve("parent.yaml"), """
                Resources:
                  Iam:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: nested/child.yaml
                      Parameters:
                        TrustedUser: !ImportValue shared-auditor-arn
                        RoleName: !ImportValue shared-role-name
                """);
        PlannedSnapshot p = apply(dir.resolve("parent.yaml"));
        assertTrue(p.snapshot().account(DEV).roles().stream().noneMatch(r -> r.name().equals("reporting-default")),
                "the child's default is not the parent's value");
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("child.yaml ReportingRole: its name does not"
                + " resolve (parameter RoleName is given by")), p.warnings().toString());
    }

    @Test
    void aTemplateNestedInItselfIsReadOnce() throws Exception {
        Files.writeString(dir.resolve("loop.yaml"), """
                Resources:
                  Again:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: ./loop.yaml
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      RoleName: looped
                      AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: []}
                """);
        PlannedSnapshot p = apply(dir.resolve("loop.yaml"));
        assertEquals(1, p.snapshot().account(DEV).roles().stream().filter(r -> r.name().equals("looped")).count());
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("nests a template in itself")), p.warnings()
                .toString());
        assertFalse(p.warnings().isEmpty());
    }

    /** A nested template that is not YAML is an input error naming its file, as the template given would be. */
    @Test
    void aMalformedNestedTemplateNamesItsFile() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "Resources:\n  R: [unclosed\n");
        Files.writeString(dir.resolve("parent.yaml"), """
                Resources:
                  Child:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: bad.yaml
                """);
        io.iamscope.model.io.SnapshotException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.iamscope.model.io.SnapshotException.class, () -> apply(dir.resolve("parent.yaml")));
        assertTrue(e.getMessage().contains("bad.yaml") && e.getMessage().contains("TEMPLATE_MALFORMED_YAML"),
                e.getMessage());
    }
}
