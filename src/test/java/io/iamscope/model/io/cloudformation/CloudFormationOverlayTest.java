package io.iamscope.model.io.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.Account;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import io.iamscope.model.io.planned.PlannedSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CloudFormation templates (policies-fixtures/ci) applied to the sample organization's acme-dev. */
class CloudFormationOverlayTest {
    private static final Path CI = SampleDev.CI;
    private static final String DEV = SampleDev.DEV;

    @TempDir
    Path dir;

    private static PlannedSnapshot apply(Path template, Map<String, String> parameters) {
        return SampleDev.apply(template, null, "ci", parameters);
    }

    private static Role role(PlannedSnapshot p, String name) {
        return SampleDev.role(p, name);
    }

    private PlannedSnapshot yaml(String text) throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, text);
        return apply(f, Map.of());
    }

    /** `!Ref ReportingRole` is the role's name; `!Sub` with the pseudo parameters resolves in the trust policy. */
    @Test
    void aManagedPolicyAttachesToTheRoleItRefersTo() {
        PlannedSnapshot p = apply(CI.resolve("cfn-adds-escalation.yaml"), Map.of());
        Role reporting = role(p, "reporting");
        assertEquals("arn:aws:iam::" + DEV + ":role/reporting", reporting.arn());
        assertEquals(List.of("arn:aws:iam::" + DEV + ":policy/deploy-tools"), reporting.attachedPolicyArns());
        assertTrue(reporting.trustPolicy().toString().contains("arn:aws:iam::" + DEV + ":user/audit-fmoreau"),
                reporting.trustPolicy().toString());
        assertEquals(Map.of("team", "reporting"), reporting.tags());
        assertEquals(List.of(), p.warnings());
        assertEquals(List.of(), p.unknownKeys());
        assertEquals("ReportingRole", p.addresses().get(reporting.arn()));
    }

    /** A role with no RoleName gets the name CloudFormation would make, with a warning saying so. */
    @Test
    void anUnnamedRoleGetsAGeneratedNameAndItsInstanceProfile() {
        PlannedSnapshot p = apply(CI.resolve("cfn-harmless.json"), Map.of());
        Role web = role(p, "ci-WebRole-GENERATED");
        assertEquals("arn:aws:iam::" + DEV + ":role/web/ci-WebRole-GENERATED", web.arn());
        assertEquals(1, web.inlinePolicies().size());
        assertTrue(web.inlinePolicies().get(0).document().toString().contains("arn:aws:s3:::acme-web-assets/*"),
                web.inlinePolicies().get(0).document().toString());
        assertEquals(List.of("ci-WebInstanceProfile-GENERATED"),
                web.instanceProfiles().stream().map(i -> i.name()).toList());
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("WebRole: no name is given")), p.warnings()
                .toString());
    }

    /** A parameter with no default in a trust policy: anyone, under a key the analysis declares unknown. */
    @Test
    void anUnresolvedTrustPolicyStandsForAnyoneUnderANamedKey() {
        PlannedSnapshot p = apply(CI.resolve("cfn-unknown-trust.yaml"), Map.of());
        Role role = role(p, "break-glass-dev");
        assertEquals(List.of("cloudformation:BreakGlassRole.AssumeRolePolicyDocument"), p.unknownKeys());
        assertTrue(role.trustPolicy().toString().contains("cloudformation:BreakGlassRole.AssumeRolePolicyDocument"),
                role.trustPolicy().toString());
        assertEquals(List.of("arn:aws:iam::aws:policy/AdministratorAccess"), role.attachedPolicyArns());
    }

    @Test
    void aParameterGivenResolvesIt() {
        PlannedSnapshot p = apply(CI.resolve("cfn-unknown-trust.yaml"),
                Map.of("TrustedPrincipalArn", "arn:aws:iam::" + DEV + ":role/ops-automation"));
        assertEquals(List.of(), p.unknownKeys());
        assertTrue(role(p, "break-glass-dev").trustPolicy().toString().contains("role/ops-automation"));
    }

    /** An inline policy for a role named by an import: a warning with the logical id, nothing granted silently. */
    @Test
    void anUnresolvedPrincipalIsAWarningNamingTheLogicalId() throws Exception {
        PlannedSnapshot p = yaml("""
                Resources:
                  Extra:
                    Type: AWS::IAM::RolePolicy
                    Properties:
                      RoleName: !ImportValue shared-role
                      PolicyName: extra
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Allow
                            Action: "*"
                            Resource: "*"
                """);
        assertEquals(1, p.warnings().size());
        assertTrue(p.warnings().get(0).contains("Extra: RoleName does not resolve (Fn::ImportValue"),
                p.warnings().get(0));
    }

    /** AWS::IAM::Policy on a group and a user added to it; a resource whose condition is false is left out. */
    @Test
    void inlinePoliciesMembershipsAndConditions() throws Exception {
        PlannedSnapshot p = yaml("""
                Conditions:
                  Never: !Equals [a, b]
                Resources:
                  Readers:
                    Type: AWS::IAM::Group
                    Properties:
                      GroupName: readers
                  ReadPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: read
                      Groups: [!Ref Readers]
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement: [{Effect: Allow, Action: "s3:GetObject", Resource: "*"}]
                  AddIntern:
                    Type: AWS::IAM::UserToGroupAddition
                    Properties:
                      GroupName: !Ref Readers
                      Users: [intern-tkim]
                  NotCreated:
                    Type: AWS::IAM::User
                    Condition: Never
                    Properties:
                      UserName: never
                """);
        Account dev = p.snapshot().account(DEV);
        assertNotNull(dev.groups().stream().filter(g -> g.name().equals("readers")
                && g.inlinePolicies().size() == 1).findFirst().orElse(null));
        User intern = dev.users().stream().filter(u -> u.name().equals("intern-tkim")).findFirst().orElseThrow();
        assertTrue(intern.groupNames().contains("readers"), intern.groupNames().toString());
        assertTrue(dev.users().stream().noneMatch(u -> u.name().equals("never")));
        assertEquals(List.of(), p.warnings());
    }

    /** A transform other than SAM's (a macro) makes resources when deployed: said, not silently skipped. */
    @Test
    void aTransformIsAWarning() throws Exception {
        PlannedSnapshot p = yaml("""
                Transform: AcmeMacro
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: index.handler
                """);
        assertEquals(1, p.warnings().size());
        assertTrue(p.warnings().get(0).contains("Transform `AcmeMacro`: the resources it makes are not checked"),
                p.warnings().get(0));
    }
}
