package io.iamscope.model.io.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.OrgPolicy;
import io.iamscope.model.Resource;
import io.iamscope.model.io.planned.PlannedSnapshot;
import io.iamscope.policy.PrincipalType;
import io.iamscope.policy.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resource-based policies and SCPs of CloudFormation templates (policies-fixtures/ci/cfn-opens-resources.yaml),
 * with the resources they are for named as each type's {@code Ref} and {@code Fn::GetAtt} return them.
 */
class CloudFormationResourcePoliciesTest {
    private static final String DEV = SampleDev.DEV;

    private static PlannedSnapshot apply(Path template, String region) {
        return SampleDev.apply(template, region, "ci", Map.of());
    }

    private static Resource resource(PlannedSnapshot p, String arn) {
        return p.snapshot().account(DEV).resources().stream().filter(r -> r.arn().equals(arn)).findFirst()
                .orElse(null);
    }

    @Test
    void eachPolicyIsOnTheResourceItsRefNames() {
        PlannedSnapshot p = apply(Path.of("policies-fixtures/ci/cfn-opens-resources.yaml"), "us-east-1");
        assertEquals("PublicRead", resource(p, "arn:aws:s3:::acme-dev-exports").policy().statements().get(0).sid(),
                "Ref of a bucket is its name");
        assertEquals("PartnerPublish", resource(p, "arn:aws:sns:us-east-1:333333333333:exports").policy()
                .statements().get(0).sid(), "Ref of a topic is its ARN");
        Statement send = resource(p, "arn:aws:sqs:us-east-1:333333333333:exports").policy().statements().get(0);
        assertEquals("PartnerSend", send.sid(), "Ref of a queue is its URL");
        assertEquals(List.of("arn:aws:sqs:us-east-1:333333333333:exports"), send.resource().patterns(),
                "Fn::GetAtt Queue.Arn");
        Statement invoke = resource(p, "arn:aws:lambda:us-east-1:333333333333:function:nightly-report").policy()
                .statements().get(0);
        assertEquals(List.of("arn:aws:iam::999999999999:root"), invoke.principal().of(PrincipalType.AWS));
        Statement key = resource(p, "arn:aws:kms:us-east-1:333333333333:key/ci-ExportsKey-GENERATED").policy()
                .statements().get(0);
        assertEquals("Enable IAM User Permissions", key.sid(), "no KeyPolicy: AWS's default key policy");
    }

    /** Without the stack's region a regional ARN cannot be made: a warning, never a silently wrong ARN. */
    @Test
    void withoutARegionRegionalResourcesAreWarnedAbout() {
        PlannedSnapshot p = apply(Path.of("policies-fixtures/ci/cfn-opens-resources.yaml"), null);
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("PartnerInvoke") && w.contains("--region")),
                p.warnings().toString());
        assertEquals("PublicRead", resource(p, "arn:aws:s3:::acme-dev-exports").policy().statements().get(0).sid(),
                "a bucket's ARN has no region");
    }

    @Test
    void anScpOfTheStackIsAttachedToItsTargets(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("scp.yaml");
        Files.writeString(template, """
                Resources:
                  NoIam:
                    Type: AWS::Organizations::Policy
                    Properties:
                      Name: NoIam
                      Type: SERVICE_CONTROL_POLICY
                      TargetIds: ["333333333333"]
                      Content:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Deny
                            Action: "iam:*"
                            Resource: "*"
                """);
        PlannedSnapshot p = apply(template, "us-east-1");
        var levels = p.snapshot().organization().levels(DEV);
        List<String> names = levels.get(levels.size() - 1).scps().stream().map(OrgPolicy::name).toList();
        assertTrue(names.contains("NoIam"), names.toString());
        assertEquals(Boolean.FALSE, p.snapshot().organization().isDelegatedAdministrator(DEV),
                "the rest of the organization is kept");
    }
}
