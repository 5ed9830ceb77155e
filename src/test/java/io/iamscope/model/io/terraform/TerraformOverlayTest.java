package io.iamscope.model.io.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.Account;
import io.iamscope.model.Role;
import io.iamscope.model.Snapshot;
import io.iamscope.model.User;
import io.iamscope.model.io.SnapshotException;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.model.io.planned.PlannedSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform plans (policies-fixtures/ci, written to Terraform's JSON Output Format) applied to the sample. */
class TerraformOverlayTest {
    private static final Path CI = Path.of("policies-fixtures/ci");
    private static final String DEV = "333333333333";

    private static Snapshot sample() {
        return SnapshotReader.read(List.of(Path.of("policies-fixtures/sample-org/snapshot.json")), null, null)
                .snapshot();
    }

    private static PlannedSnapshot apply(String plan) {
        return TerraformOverlay.apply(sample(), TerraformPlan.read(CI.resolve(plan)), DEV);
    }

    private static Account dev(PlannedSnapshot p) {
        return p.snapshot().account(DEV);
    }

    /** A policy ARN unknown until apply is found through the configuration's reference to the planned policy. */
    @Test
    void anAttachmentFollowsTheReferenceToAPlannedPolicy() {
        PlannedSnapshot p = apply("tf-adds-escalation.json");
        Role reporting = dev(p).roles().stream().filter(r -> r.name().equals("reporting")).findFirst().orElseThrow();
        assertEquals("arn:aws:iam::" + DEV + ":role/reporting", reporting.arn());
        assertEquals(List.of("arn:aws:iam::" + DEV + ":policy/deploy-tools"), reporting.attachedPolicyArns());
        assertNotNull(reporting.trustPolicy());
        assertEquals(List.of(), p.warnings());
        assertEquals(3, p.applied());
        assertEquals("aws_iam_role.reporting", p.addresses().get(reporting.arn()));
    }

    /** A deleted resource's values are in `before` (its `after` is null). */
    @Test
    void aDeletedInlinePolicyIsRemoved() {
        PlannedSnapshot p = apply("tf-removes-escalation.json");
        User intern = dev(p).users().stream().filter(u -> u.name().equals("intern-tkim")).findFirst().orElseThrow();
        assertTrue(intern.inlinePolicies().stream().noneMatch(i -> i.name().equals("self-service")),
                intern.inlinePolicies().toString());
        assertEquals(List.of(), p.warnings());
    }

    /**
     * A trust policy unknown until apply stands for anyone, conditional on a key named after the attribute, which
     * the analysis declares unknown: who may assume the role is "possible, under that condition", never "no one".
     */
    @Test
    void anUnknownTrustPolicyIsAnyoneUnderANamedCondition() {
        PlannedSnapshot p = apply("tf-unknown-trust.json");
        String key = "terraform:aws_iam_role.break_glass_v2.assume_role_policy";
        assertEquals(List.of(key), p.unknownKeys());
        Role role = dev(p).roles().stream().filter(r -> r.name().equals("break-glass-v2")).findFirst().orElseThrow();
        var s = role.trustPolicy().statements().get(0);
        assertTrue(s.principal().anyone());
        assertEquals(key, s.conditions().get(0).key());
        assertEquals(List.of("arn:aws:iam::aws:policy/AdministratorAccess"), role.attachedPolicyArns());
    }

    @Test
    void aRoleAttachmentOfAnUnknownRoleIsAWarningNotASilentDrop(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                {"format_version": "1.2", "resource_changes": [{"address": "aws_iam_role_policy_attachment.x",
                 "mode": "managed", "type": "aws_iam_role_policy_attachment", "name": "x",
                 "change": {"actions": ["create"], "before": null,
                  "after": {"policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"},
                  "after_unknown": {"id": true, "role": true}}}]}""");
        PlannedSnapshot p = TerraformOverlay.apply(sample(), TerraformPlan.read(plan), DEV);
        assertEquals(1, p.warnings().size(), p.warnings().toString());
        assertTrue(p.warnings().get(0).startsWith("aws_iam_role_policy_attachment.x: `role` is unknown"),
                p.warnings().get(0));
    }

    @Test
    void aMembershipOfAGroupNoOneHasIsAWarning(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                {"format_version": "1.2", "resource_changes": [{"address": "aws_iam_user_group_membership.m",
                 "mode": "managed", "type": "aws_iam_user_group_membership", "name": "m",
                 "change": {"actions": ["create"], "before": null,
                  "after": {"user": "intern-tkim", "groups": ["admins", "no-such-group"]},
                  "after_unknown": {"id": true}}}]}""");
        PlannedSnapshot p = TerraformOverlay.apply(sample(), TerraformPlan.read(plan), DEV);
        assertEquals(List.of("aws_iam_user_group_membership.m: no group `no-such-group` in the account or the plan:"
                + " not applied"), p.warnings());
        User intern = dev(p).users().stream().filter(u -> u.name().equals("intern-tkim")).findFirst().orElseThrow();
        assertTrue(intern.groupNames().contains("admins"), intern.groupNames().toString());
        assertTrue(!intern.groupNames().contains("no-such-group"));
    }

    @Test
    void aMalformedPlanNamesItsFile() {
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> TerraformPlan.read(CI.resolve("tf-malformed.json")));
        assertEquals("PLAN_MALFORMED_JSON", e.code());
        assertTrue(e.getMessage().contains("tf-malformed.json"), e.getMessage());
    }

    /** An instance profile's role found through the configuration's reference to the planned role. */
    @Test
    void anInstanceProfileIsPutOnItsRole(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                {"format_version": "1.2", "resource_changes": [
                 {"address": "aws_iam_role.web", "mode": "managed", "type": "aws_iam_role", "name": "web",
                  "change": {"actions": ["create"], "before": null, "after": {"name": "web", "path": "/",
                   "assume_role_policy": "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": []}"},
                   "after_unknown": {"arn": true}}},
                 {"address": "aws_iam_instance_profile.web", "mode": "managed", "type": "aws_iam_instance_profile",
                  "name": "web", "change": {"actions": ["create"], "before": null,
                   "after": {"name": "web-profile", "path": "/"}, "after_unknown": {"role": true, "arn": true}}}],
                 "configuration": {"root_module": {"resources": [{"address": "aws_iam_instance_profile.web",
                  "expressions": {"role": {"references": ["aws_iam_role.web.name", "aws_iam_role.web"]}}}]}}}""");
        PlannedSnapshot p = TerraformOverlay.apply(sample(), TerraformPlan.read(plan), DEV);
        Role web = dev(p).roles().stream().filter(r -> r.name().equals("web")).findFirst().orElseThrow();
        assertEquals(List.of("arn:aws:iam::" + DEV + ":instance-profile/web-profile"),
                web.instanceProfiles().stream().map(i -> i.arn()).toList());
        assertEquals(List.of(), p.warnings());
    }

    @Test
    void anotherMajorFormatVersionIsRefused(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"format_version\": \"2.0\", \"resource_changes\": []}");
        SnapshotException e = assertThrows(SnapshotException.class, () -> TerraformPlan.read(plan));
        assertEquals("PLAN_UNSUPPORTED_VERSION", e.code());
        assertTrue(e.getMessage().contains("/format_version"), e.getMessage());
    }

    @Test
    void aStateFileIsNotAPlan(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"version\": 4, \"resources\": []}");
        assertEquals("PLAN_NO_FORMAT_VERSION", assertThrows(SnapshotException.class,
                () -> TerraformPlan.read(plan)).code());
    }
}
