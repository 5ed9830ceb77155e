package io.iamscope.model.io.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.OrgPolicy;
import io.iamscope.model.Resource;
import io.iamscope.model.Snapshot;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.model.io.planned.PlannedSnapshot;
import io.iamscope.policy.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resource-based policies, SCPs and RCPs of Terraform plans (policies-fixtures/ci, written by make-plans.py to
 * Terraform's JSON Output Format, with the AWS provider's argument names) applied to the sample organization.
 */
class TerraformResourcePoliciesTest {
    private static final Path CI = Path.of("policies-fixtures/ci");
    private static final String DEV = "333333333333";

    private static Snapshot sample() {
        return SnapshotReader.read(List.of(Path.of("policies-fixtures/sample-org/snapshot.json")), null, null)
                .snapshot();
    }

    private static PlannedSnapshot apply(Path plan) {
        return TerraformOverlay.apply(sample(), TerraformPlan.read(plan), DEV);
    }

    private static Resource resource(PlannedSnapshot p, String arn) {
        return p.snapshot().account(DEV).resources().stream().filter(r -> r.arn().equals(arn)).findFirst()
                .orElse(null);
    }

    @Test
    void aBucketPolicyIsPutOnTheBucketTheSnapshotHas() {
        PlannedSnapshot p = apply(CI.resolve("tf-opens-resources.json"));
        Resource before = sample().account(DEV).resources().stream()
                .filter(r -> r.arn().equals("arn:aws:s3:::acme-dev-datalake")).findFirst().orElseThrow();
        Resource bucket = resource(p, "arn:aws:s3:::acme-dev-datalake");
        assertNull(before.policy());
        assertEquals("PublicRead", bucket.policy().statements().get(0).sid());
        assertEquals(before.tags(), bucket.tags(), "what the snapshot knew of the bucket is kept");
        assertEquals(before.properties(), bucket.properties());
        assertEquals("aws_s3_bucket_policy.datalake", p.addresses().get(bucket.arn()));
        assertEquals(List.of(), p.warnings());
    }

    /** Lambda's AddPermission: principal, action and function as the provider's arguments say. */
    @Test
    void aLambdaPermissionIsAStatementOfTheFunctionPolicy() {
        PlannedSnapshot p = apply(CI.resolve("tf-opens-resources.json"));
        Resource f = resource(p, "arn:aws:lambda:us-east-1:333333333333:function:nightly-report");
        Statement s = f.policy().statements().get(0);
        assertEquals("PartnerInvoke", s.sid());
        assertEquals(List.of("arn:aws:iam::999999999999:root"),
                s.principal().of(io.iamscope.policy.PrincipalType.AWS));
        assertEquals(List.of("lambda:InvokeFunction"), s.action().patterns());
        assertEquals(List.of(), s.conditions());
        assertNotNull(f.roleArn(), "the function keeps its execution role");
    }

    /** The queue's URL is unknown until apply: its ARN comes from the planned queue the reference names. */
    @Test
    void aQueuePolicyFindsItsNewQueueThroughTheReference() {
        PlannedSnapshot p = apply(CI.resolve("tf-opens-resources.json"));
        Resource q = resource(p, "arn:aws:sqs:us-east-1:333333333333:exports");
        assertEquals("PartnerSend", q.policy().statements().get(0).sid());
        assertEquals("us-east-1", q.region());
        assertEquals("AWS::SQS::Queue", q.type());
        assertNull(q.tags(), "a new resource's tags are unknown");
    }

    /** No policy configured: AWS gives a new key its default key policy (the account, through IAM policies). */
    @Test
    void aNewKeyWithoutAPolicyGetsTheDefaultKeyPolicy() {
        PlannedSnapshot p = apply(CI.resolve("tf-opens-resources.json"));
        Resource key = resource(p, "arn:aws:kms:us-east-1:333333333333:key/aws_kms_key.exports");
        Statement s = key.policy().statements().get(0);
        assertEquals(List.of("arn:aws:iam::333333333333:root"), s.principal().of(io.iamscope.policy.PrincipalType.AWS));
        assertEquals(List.of("kms:*"), s.action().patterns());
        assertTrue(p.unknownKeys().isEmpty(), "the provider computes `policy`; not configured is not unknown: "
                + p.unknownKeys());
    }

    @Test
    void aDeletedRcpLeavesTheOrganization() {
        PlannedSnapshot p = apply(CI.resolve("tf-removes-rcp.json"));
        List<String> ids = p.snapshot().organization().policies().stream().map(OrgPolicy::id).toList();
        assertTrue(!ids.contains("p-rcpperim01") && ids.contains("p-protecttrail"), ids.toString());
        assertTrue(p.snapshot().organization().levels(DEV).get(0).rcps().isEmpty(),
                "the root's RCPs as the accounts see them");
        assertEquals(List.of(), p.warnings(), "detaching a deleted policy is not an error");
    }

    @Test
    void anScpAttachedToAnAccountJoinsItsChain(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                {"format_version": "1.2", "resource_changes": [
                 {"address": "aws_organizations_policy.no_iam", "mode": "managed", "type": "aws_organizations_policy",
                  "name": "no_iam", "change": {"actions": ["create"], "before": null, "after": {"name": "NoIam",
                   "type": "SERVICE_CONTROL_POLICY", "content": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Deny\\",\\"Action\\":\\"iam:*\\",\\"Resource\\":\\"*\\"}]}"},
                   "after_unknown": {"id": true, "arn": true}}},
                 {"address": "aws_organizations_policy_attachment.dev", "mode": "managed",
                  "type": "aws_organizations_policy_attachment", "name": "dev", "change": {"actions": ["create"],
                   "before": null, "after": {"target_id": "333333333333"}, "after_unknown": {"id": true, "policy_id": true}}}],
                 "configuration": {"root_module": {"resources": [{"address": "aws_organizations_policy_attachment.dev",
                  "expressions": {"policy_id": {"references": ["aws_organizations_policy.no_iam.id",
                   "aws_organizations_policy.no_iam"]}}}]}}}""");
        PlannedSnapshot p = apply(plan);
        var accountLevel = p.snapshot().organization().levels(DEV).get(p.snapshot().organization().levels(DEV).size() - 1);
        assertTrue(accountLevel.scps().stream().anyMatch(s -> "NoIam".equals(s.name())), accountLevel.toString());
        assertEquals(List.of(), p.warnings());
    }

    /**
     * A resource policy the plan leaves unknown may let anyone do anything with the resource, conditional on a key
     * named after the attribute, never "no access".
     */
    @Test
    void anUnknownBucketPolicyIsAnyoneUnderANamedCondition(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                {"format_version": "1.2", "resource_changes": [
                 {"address": "aws_s3_bucket_policy.lake", "mode": "managed", "type": "aws_s3_bucket_policy",
                  "name": "lake", "change": {"actions": ["update"], "before": {"bucket": "acme-dev-datalake"},
                   "after": {"bucket": "acme-dev-datalake"}, "after_unknown": {"policy": true}}}]}""");
        PlannedSnapshot p = apply(plan);
        String key = "terraform:aws_s3_bucket_policy.lake.policy";
        assertEquals(List.of(key), p.unknownKeys());
        Statement s = resource(p, "arn:aws:s3:::acme-dev-datalake").policy().statements().get(0);
        assertTrue(s.principal().anyone());
        assertEquals(key, s.conditions().get(0).key());
    }
}
