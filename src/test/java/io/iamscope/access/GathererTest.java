package io.iamscope.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.CallerKind;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GathererTest {
    private static SnapshotIndex index;
    private static Gatherer gatherer;

    @BeforeAll
    static void load() {
        index = new SnapshotIndex(SnapshotReader.read(Path.of("policies-fixtures/sample-org/snapshot.json")).snapshot());
        gatherer = new Gatherer(index);
    }

    private static Gathered gather(String who, String action, String resource) {
        return gatherer.gather(index.resolvePrincipal(who), action, resource, RequestContext.empty());
    }

    private static Decision decide(Gathered g) {
        return new LocalAuthorizer().authorize(g.request(), g.policies());
    }

    @Test
    void userPoliciesIncludeGroupInlineAndManagedPolicies() {
        Gathered g = gather("mlee", "glue:GetTable", "*");
        List<String> names = g.policies().identity().stream().map(AttachedPolicy::toString).toList();
        assertTrue(names.contains("group/developers inline `dev-workloads`"), names.toString());
        assertTrue(names.contains("arn:aws:iam::333333333333:policy/data-eng-access"), names.toString());
        assertEquals(Outcome.ALLOW, decide(g).outcome());
        assertEquals("mlee", g.request().context().value("aws:username"));
        assertEquals("data", g.request().context().value("aws:PrincipalTag/team"));
        assertEquals("o-acme123456", g.request().context().value("aws:PrincipalOrgID"));
    }

    /** IAM User Guide, AWS global condition context keys: aws:TokenIssueTime, aws:MultiFactorAuthPresent. */
    @Test
    void aRoleSessionCarriesTheKeysOfTemporaryCredentialsAndUserKeysDoNot() {
        RequestContext role = gather("arn:aws:iam::222222222222:role/acme-deploy", "s3:GetObject", "*").request()
                .context();
        assertTrue(role.isPresentUnknown("aws:TokenIssueTime"));
        assertEquals("false", role.value("aws:MultiFactorAuthPresent"));
        assertNull(role.values("aws:MultiFactorAuthAge"));
        RequestContext user = gather("mlee", "s3:GetObject", "*").request().context();
        assertNull(user.values("aws:TokenIssueTime"));
        assertTrue(!user.isUnknown("aws:TokenIssueTime") && !user.isUnknown("aws:MultiFactorAuthPresent"));
        assertNull(user.values("aws:MultiFactorAuthPresent"));
        // What the attacker context says wins: an MFA session (console-session), an unknown (insider).
        RequestContext mfa = RequestContext.builder().put("aws:MultiFactorAuthPresent", "true")
                .unknown("aws:TokenIssueTime").build();
        RequestContext given = gatherer.gather(index.resolvePrincipal("arn:aws:iam::222222222222:role/acme-deploy"),
                "s3:GetObject", "*", mfa).request().context();
        assertEquals("true", given.value("aws:MultiFactorAuthPresent"));
        assertTrue(given.isUnknown("aws:TokenIssueTime") && !given.isPresentUnknown("aws:TokenIssueTime"));
    }

    @Test
    void boundaryLimitsTheUser() {
        Gathered g = gather("dev-jwright", "iam:PassRole", "arn:aws:iam::333333333333:role/lambda-basic-exec");
        assertEquals("dev-boundary", g.policies().boundary().name());
        // The developers group allows it; the boundary's `NoIdentityChanges` denies.
        assertEquals(Outcome.EXPLICIT_DENY, decide(g).outcome());
        assertEquals(Outcome.ALLOW, decide(gather("intern-tkim", "iam:PassRole",
                "arn:aws:iam::333333333333:role/lambda-basic-exec")).outcome());
    }

    @Test
    void scpChainHasOneLevelPerOuForAnAccountTwoOusDeep() {
        Gathered g = gather("arn:aws:iam::222222222222:role/acme-deploy", "s3:GetObject",
                "arn:aws:s3:::acme-prod-artifacts/app.zip");
        assertEquals(4, g.policies().scps().size());
        assertEquals(List.of("root `Root` (r-acme)", "OU `Workloads` (ou-acme-workloads)", "OU `Prod` (ou-acme-prod)",
                "account `acme-prod` (222222222222)"), g.scpLevels());
        assertEquals(4, g.policies().rcps().size());
        assertEquals("222222222222", g.request().resourceAccount());
        assertEquals("us-east-1", g.request().context().value("aws:RequestedRegion"));
    }

    @Test
    void managementAccountIsExemptFromScps() {
        Gathered g = gather("org-admin-mchen", "cloudtrail:StopLogging",
                "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-org-trail");
        assertNull(g.policies().scps());
        assertTrue(g.request().caller().managementAccount());
        assertEquals(Outcome.ALLOW, decide(g).outcome());
        Gathered dev = gather("admin-ppatel", "cloudtrail:StopLogging",
                "arn:aws:cloudtrail:us-east-1:333333333333:trail/acme-org-trail");
        assertEquals(Outcome.EXPLICIT_DENY, decide(dev).outcome());
    }

    @Test
    void serviceLinkedRoleIsFlagged() {
        Gathered g = gather("AWSServiceRoleForAutoScaling", "ec2:RunInstances", "*");
        assertEquals(CallerKind.ROLE_SESSION, g.request().caller().kind());
        assertTrue(g.request().caller().serviceLinked());
        assertEquals("arn:aws:iam::333333333333:role/aws-service-role/autoscaling.amazonaws.com/"
                + "AWSServiceRoleForAutoScaling", g.request().caller().parentArn());
    }

    @Test
    void trustPolicyIsTheResourcePolicyOfAssumeRole() {
        Gathered g = gather("ci-deployer", "sts:AssumeRole", "arn:aws:iam::222222222222:role/acme-deploy");
        assertEquals("trust policy of role `acme-deploy`", g.resourcePolicy());
        assertEquals(Outcome.ALLOW, decide(g).outcome());
    }

    @Test
    void unknownResourceIsEvaluatedWithoutPolicyAndSaysSo() {
        Gathered g = gather("mlee", "s3:GetObject", "arn:aws:s3:::not-collected/x");
        assertNull(g.policies().resourcePolicy());
        assertTrue(g.notes().get(0).startsWith("resource policy not in snapshot"), g.notes().toString());
        assertTrue(g.request().context().isUnknown("aws:RequestedRegion"));
    }

    @Test
    void callerSidesAndAttachedPoliciesAreReused() {
        Gathered a = gather("mlee", "glue:GetTable", "*");
        Gathered b = gather("AKIADEVMLEE000000001", "athena:StartQueryExecution", "*");
        // The engine compiles a caller side once: every request of one principal must share it.
        assertSame(a.policies().callerSide(), b.policies().callerSide());
        Gathered c = gather("data-hwang", "glue:GetTable", "*");
        AttachedPolicy shared = a.policies().identity().stream()
                .filter(p -> "data-eng-access".equals(p.name())).findFirst().orElseThrow();
        assertTrue(c.policies().identity().stream().anyMatch(p -> p == shared));
    }
}
