package io.iamscope.model.io.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.model.Account;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.Principal;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.Snapshot;
import io.iamscope.model.User;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.model.io.planned.PlannedSnapshot;
import io.iamscope.model.trail.TrailEvent;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PrincipalType;
import io.iamscope.policy.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CloudTrail change records (src/test/resources/trail/overlay/records.json, written to the documented record shape)
 * applied to the sample organization's dev account, one event at a time.
 */
class CloudTrailOverlayTest {
    private static final String DEV = "333333333333";
    private static final String TOOLING = "arn:aws:iam::" + DEV + ":policy/contractor-tooling";
    private static JsonNode records;
    private static Snapshot sample;

    @BeforeAll
    static void read() throws Exception {
        records = new ObjectMapper().readTree(Path.of("src/test/resources/trail/overlay/records.json").toFile());
        sample = SnapshotReader.read(List.of(Path.of("policies-fixtures/sample-org/snapshot.json")), null, null)
                .snapshot();
    }

    private static PlannedSnapshot apply(String... names) throws Exception {
        List<TrailEvent> events = new ArrayList<>();
        for (String n : names) {
            events.add(RecordMapper.map(records.get(n)));
        }
        return CloudTrailOverlay.apply(sample, events);
    }

    private static Account dev(PlannedSnapshot p) {
        return p.snapshot().account(DEV);
    }

    private static User user(PlannedSnapshot p, String name) {
        return dev(p).users().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    private static Role role(PlannedSnapshot p, String name) {
        return dev(p).roles().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static ManagedPolicy policy(PlannedSnapshot p, String arn) {
        return dev(p).policies().stream().filter(x -> x.arn().equals(arn)).findFirst().orElseThrow();
    }

    private static PolicyDocument inline(Principal p, String name) {
        return p.inlinePolicies().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().document();
    }

    /** What an unknown document stands for: an Allow of everything, under a condition on the key named. */
    private static void assertUnknown(PolicyDocument d, PlannedSnapshot p) {
        Statement s = d.statements().get(0);
        assertEquals(1, p.unknownKeys().size(), p.unknownKeys().toString());
        assertEquals(p.unknownKeys().get(0), s.conditions().get(0).key());
        assertTrue(p.unknownKeys().get(0).startsWith("cloudtrail:"), p.unknownKeys().get(0));
    }

    @Test
    void createUserPutsTheUserAtItsPath() throws Exception {
        PlannedSnapshot p = apply("CreateUser");
        assertEquals("arn:aws:iam::" + DEV + ":user/svc/backdoor", user(p, "backdoor").arn());
        assertEquals("CreateUser at 2026-11-27T22:00:00Z", p.addresses().get(user(p, "backdoor").arn()));
        assertEquals(1, p.applied());
    }

    @Test
    void createRoleCarriesItsTrustPolicy() throws Exception {
        PlannedSnapshot p = apply("CreateRole");
        assertEquals(List.of("arn:aws:iam::999999999999:root"),
                role(p, "backdoor-role").trustPolicy().statements().get(0).principal().of(PrincipalType.AWS));
        assertEquals(List.of(), p.unknownKeys());
    }

    /** A trust policy the record does not carry: anyone may assume, conditionally; never "no one". */
    @Test
    void createRoleWithoutItsTrustPolicyIsAnyoneConditionally() throws Exception {
        PlannedSnapshot p = apply("CreateRoleWithoutTrust");
        PolicyDocument trust = role(p, "backdoor-role").trustPolicy();
        assertTrue(trust.statements().get(0).principal().anyone());
        assertUnknown(trust, p);
        assertTrue(p.warnings().get(0).contains("assumeRolePolicyDocument"), p.warnings().toString());
    }

    @Test
    void createAccessKeyAddsTheKeyToItsUser() throws Exception {
        PlannedSnapshot p = apply("CreateAccessKey");
        assertTrue(dev(p).accessKeys().stream().anyMatch(k -> k.accessKeyId().equals("AKIAZPPATELPERSIST01")
                && k.userName().equals("admin-ppatel") && k.active()), dev(p).accessKeys().toString());
    }

    @Test
    void attachAndDetach() throws Exception {
        assertTrue(user(apply("AttachUserPolicy"), "mlee").attachedPolicyArns()
                .contains("arn:aws:iam::aws:policy/AdministratorAccess"));
        assertFalse(role(apply("DetachRolePolicy"), "dev-break-glass").attachedPolicyArns()
                .contains("arn:aws:iam::aws:policy/AdministratorAccess"));
    }

    /** An AWS managed policy the snapshot does not hold: attached, and what it grants unknown, conditionally. */
    @Test
    void attachingAPolicyTheSnapshotLacksIsUnknownNotNothing() throws Exception {
        PlannedSnapshot p = apply("AttachUserPolicyNotInSnapshot");
        String arn = "arn:aws:iam::aws:policy/IAMFullAccess";
        assertTrue(user(p, "mlee").attachedPolicyArns().contains(arn));
        assertUnknown(policy(p, arn).document(), p);
    }

    /** A refused call changed nothing. */
    @Test
    void aRefusedCallIsNotApplied() throws Exception {
        PlannedSnapshot p = apply("AttachUserPolicyDenied");
        assertEquals(0, p.applied());
        assertFalse(user(p, "mlee").attachedPolicyArns().contains("arn:aws:iam::aws:policy/AdministratorAccess"));
    }

    @Test
    void putUserPolicyReadsTheDocumentPlainOrUrlEncoded() throws Exception {
        for (String n : List.of("PutUserPolicy", "PutUserPolicyUrlEncoded")) {
            PlannedSnapshot p = apply(n);
            Statement s = inline(user(p, "mlee"), "x").statements().get(0);
            assertEquals(List.of(), s.conditions(), n);
            assertEquals(List.of(), p.unknownKeys(), n);
        }
    }

    /** A document cut short (CloudTrail truncates large parameters) is unknown, conditional, and a warning. */
    @Test
    void aTruncatedDocumentIsUnknownConditional() throws Exception {
        PlannedSnapshot p = apply("PutUserPolicyTruncated");
        assertUnknown(inline(user(p, "mlee"), "x"), p);
        assertTrue(p.warnings().get(0).contains("not a whole policy document"), p.warnings().toString());
    }

    @Test
    void aMissingDocumentIsUnknownConditional() throws Exception {
        PlannedSnapshot p = apply("PutRolePolicyWithoutDocument");
        assertUnknown(inline(role(p, "ci-deployer"), "x"), p);
    }

    @Test
    void deleteRolePolicyRemovesTheInlinePolicy() throws Exception {
        PlannedSnapshot p = apply("DeleteRolePolicy");
        assertTrue(role(p, "ci-deployer").inlinePolicies().stream().noneMatch(i -> i.name().equals("deploy")));
    }

    @Test
    void createPolicyMakesVersionOne() throws Exception {
        ManagedPolicy m = policy(apply("CreatePolicy"), "arn:aws:iam::" + DEV + ":policy/persist");
        assertEquals("v1", m.defaultVersion().versionId());
    }

    /** The next version id after the snapshot's v1 and v2; the default only with setAsDefault. */
    @Test
    void createPolicyVersionAddsTheNextVersion() throws Exception {
        ManagedPolicy made = policy(apply("CreatePolicyVersionDefault"), TOOLING);
        assertEquals("v3", made.defaultVersion().versionId());
        assertEquals(1, made.versions().stream().filter(v -> v.isDefault()).count());
        ManagedPolicy kept = policy(apply("CreatePolicyVersionNotDefault"), TOOLING);
        assertEquals("v2", kept.defaultVersion().versionId());
        assertEquals(3, kept.versions().size());
    }

    @Test
    void setDefaultPolicyVersionSwitchesTheDefault() throws Exception {
        assertEquals("v1", policy(apply("SetDefaultPolicyVersion"), TOOLING).defaultVersion().versionId());
        // v4: made before the snapshot was taken? not in it: unknown, conditional.
        PlannedSnapshot p = apply("SetDefaultPolicyVersionUnknown");
        assertUnknown(policy(p, TOOLING).document(), p);
    }

    @Test
    void updateAssumeRolePolicyReplacesTheTrust() throws Exception {
        Role r = role(apply("UpdateAssumeRolePolicy"), "dev-break-glass");
        assertEquals(List.of("arn:aws:iam::999999999999:root"),
                r.trustPolicy().statements().get(0).principal().of(PrincipalType.AWS));
    }

    @Test
    void addUserToGroup() throws Exception {
        assertTrue(user(apply("AddUserToGroup"), "mlee").groupNames().contains("admins"));
    }

    @Test
    void permissionsBoundaries() throws Exception {
        assertEquals("arn:aws:iam::" + DEV + ":policy/dev-boundary",
                role(apply("PutRolePermissionsBoundary"), "ci-deployer").boundaryArn());
        assertNull(user(apply("DeleteUserPermissionsBoundary"), "mlee").boundaryArn());
    }

    /** S3 logs the bucket policy as an object, not text. */
    @Test
    void putBucketPolicyReplacesTheBucketsPolicy() throws Exception {
        PlannedSnapshot p = apply("PutBucketPolicy");
        Resource bucket = dev(p).resources().stream().filter(r -> r.arn().equals("arn:aws:s3:::acme-dev-datalake"))
                .findFirst().orElseThrow();
        assertEquals(List.of("arn:aws:iam::999999999999:root"),
                bucket.policy().statements().get(0).principal().of(PrincipalType.AWS));
        assertEquals(List.of(), p.unknownKeys());
    }

    /** Lambda logs AddPermission with its API version: AddPermission20150331v2. */
    @Test
    void addPermissionAddsAStatementToTheFunction() throws Exception {
        PlannedSnapshot p = apply("AddPermission");
        Resource f = dev(p).resources().stream()
                .filter(r -> r.arn().equals("arn:aws:lambda:us-east-1:" + DEV + ":function:nightly-report"))
                .findFirst().orElseThrow();
        assertTrue(f.policy().statements().stream().anyMatch(s -> "backdoor".equals(s.sid())), f.policy().toString());
    }

    @Test
    void aChangeToAnAccountTheSnapshotLacksIsAWarning() throws Exception {
        PlannedSnapshot p = apply("OtherAccount", "CreateUser");
        assertTrue(p.warnings().get(0).contains("444444444444"), p.warnings().toString());
        assertEquals(1, p.applied());
    }
}
