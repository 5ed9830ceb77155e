package io.iamscope.analysis.blast;

import io.iamscope.analysis.Workspaces;
import static io.iamscope.analysis.SampleOrg.CI;
import static io.iamscope.analysis.SampleOrg.CONTRACTOR;
import static io.iamscope.analysis.SampleOrg.DEPLOY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.SampleOrg;
import io.iamscope.catalog.AccessLevel;
import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.Tactic;
import io.iamscope.catalog.Tactics;
import io.iamscope.graph.EdgeKind;
import io.iamscope.analysis.FakeGraph;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Blast radius on the sample organization with a hand-built graph of its incident story. */
class BlastRadiusAnalysisTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final Tactics TACTICS = Tactics.load(CATALOG);
    private static final BlastOptions OPTIONS = BlastOptions.defaults(Instant.parse("2026-11-28T00:00:00Z"));

    static BlastRadius blast(FakeGraph graph, String start, AttackerProfile profile) {
        return new BlastRadiusAnalysis(Workspaces.of(SampleOrg.index(), graph), TACTICS)
                .analyse(start, profile.name(), profile.context(Map.of(), List.of()), OPTIONS);
    }

    private static Optional<ActionAccess> action(BlastRadius b, String name) {
        return b.services().stream().flatMap(s -> s.actions().stream()).filter(a -> a.action().equals(name)).findFirst();
    }

    @Test
    void leakedKeyIsAdminAndReachesProdDataThroughTheDeployChain() {
        long t0 = System.nanoTime();
        BlastRadius b = blast(SampleOrg.graph(), "AKIAZCONTRACTOR7LEAK", AttackerProfile.STOLEN_KEYS);
        System.out.println("blast radius of the leaked key: " + (System.nanoTime() - t0) / 1_000_000 + " ms, "
                + b.services().stream().mapToInt(s -> s.actions().size()).sum() + " actions");
        assertEquals(CONTRACTOR, b.start().arn());
        assertTrue(b.start().via().contains("AKIAZCONTRACTOR7LEAK"));
        assertTrue(b.adminEquivalent());
        assertTrue(b.canReachAdmin());
        assertEquals(List.of(CI, DEPLOY), b.reachable().stream().map(Reachable::arn).toList());
        Reachable deploy = b.reachable().get(1);
        assertEquals(2, deploy.path().size());
        assertEquals(EdgeKind.ASSUME, deploy.path().get(1).kind());
        assertEquals(CI, deploy.path().get(1).from());

        ActionAccess get = action(b, "s3:GetObject").orElseThrow();
        ResourceAccess data = get.resources().stream()
                .filter(r -> r.resource().equals("arn:aws:s3:::acme-prod-customer-data/*")).findFirst().orElseThrow();
        assertTrue(data.concrete());
        assertFalse(data.conditional());
        assertEquals(DEPLOY, data.grantedBy().get(0).principal());
        assertTrue(b.huntTargets().stream().anyMatch(t -> t.value().equals("AKIAZCONTRACTOR7LEAK")));
        assertTrue(b.huntingQueries().get(0).sql().contains("'AKIAZCONTRACTOR7LEAK'"));
    }

    @Test
    void dataEngineerReadsTheDatalakeDefinitely() {
        BlastRadius b = blast(new FakeGraph(), "data-hwang", AttackerProfile.STOLEN_KEYS);
        assertFalse(b.canReachAdmin());
        assertTrue(b.notes().get(0).contains("not in the access graph"), b.notes().toString());
        ActionAccess get = action(b, "s3:GetObject").orElseThrow();
        ResourceAccess lake = get.resources().get(0);
        assertEquals("arn:aws:s3:::acme-dev-datalake/*", lake.resource());
        assertTrue(lake.concrete());
        assertFalse(get.conditional());
        assertEquals(AccessLevel.READ, get.accessLevel());
        // Not the prod customer data: the policy names the datalake only.
        assertTrue(get.resources().stream().noneMatch(r -> r.resource().contains("acme-prod-customer-data")));
        ServiceAccess s3 = b.services().stream().filter(s -> s.prefix().equals("s3")).findFirst().orElseThrow();
        assertTrue(s3.accessLevels().get(AccessLevel.WRITE) > 0);
        // iam:PassRole on role/lambda-* matches the admin execution role: a concrete, definite grant.
        ActionAccess pass = action(b, "iam:PassRole").orElseThrow();
        assertTrue(pass.resources().stream().anyMatch(r -> r.concrete()
                && r.resource().equals(SampleOrg.DEV + "role/lambda-admin-exec") && !r.conditional()));
    }

    @Test
    void mfaGatedAssumeIsDeniedForStolenKeysConditionalForAnInsiderAllowedForAConsoleSession() {
        String breakGlass = SampleOrg.MGMT + "role/break-glass-mgmt";
        assertTrue(assumeOf(AttackerProfile.STOLEN_KEYS, breakGlass).isEmpty());
        ResourceAccess insider = assumeOf(AttackerProfile.INSIDER, breakGlass).orElseThrow();
        assertTrue(insider.conditional());
        assertTrue(insider.grantedBy().get(0).conditionKeys().contains("aws:multifactorauthpresent")
                || insider.grantedBy().get(0).conditionKeys().contains("aws:MultiFactorAuthPresent"),
                insider.grantedBy().toString());
        ResourceAccess console = assumeOf(AttackerProfile.CONSOLE_SESSION, breakGlass).orElseThrow();
        assertFalse(console.conditional());
    }

    private static Optional<ResourceAccess> assumeOf(AttackerProfile profile, String role) {
        BlastRadius b = blast(new FakeGraph(), "org-admin-mchen", profile);
        return action(b, "sts:AssumeRole").flatMap(a -> a.resources().stream()
                .filter(r -> r.resource().equals(role)).findFirst());
    }

    @Test
    void stopLoggingInTheManagementAccountIsDefenseEvasion() {
        BlastRadius b = blast(new FakeGraph(), "org-admin-mchen", AttackerProfile.STOLEN_KEYS);
        TacticAccess evasion = b.tactics().stream().filter(t -> t.tactic() == Tactic.DEFENSE_EVASION).findFirst()
                .orElseThrow();
        ActionAccess stop = evasion.actions().stream().filter(a -> a.action().equals("cloudtrail:StopLogging"))
                .findFirst().orElseThrow();
        assertTrue(stop.resources().stream().anyMatch(r -> r.concrete()
                && r.resource().equals("arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-org-trail")));
        assertEquals(SampleOrg.MGMT + "user/org-admin-mchen", stop.resources().get(0).grantedBy().get(0).principal());
        assertFalse(evasion.why().isEmpty());
    }

    @Test
    void aConditionalPathMakesTheTargetsAccessConditionalAndKeepsIt() {
        BlastRadius b = blast(SampleOrg.graph(), SampleOrg.OPS_USER, AttackerProfile.STOLEN_KEYS);
        Reachable bg = b.reachable().stream().filter(r -> r.arn().equals(SampleOrg.BREAK_GLASS)).findFirst()
                .orElseThrow();
        assertTrue(bg.conditional());
        assertTrue(b.canReachAdmin());
        assertTrue(b.adminConditional());
        assertEquals(SampleOrg.BREAK_GLASS, b.adminVia());
        // dev-break-glass holds AdministratorAccess (cloudtrail changes stay denied by the SCP): its grants are
        // there, all conditional on the MFA of the path.
        ActionAccess createUser = action(b, "iam:CreateUser").orElseThrow();
        assertTrue(createUser.conditional());
        assertTrue(createUser.resources().get(0).grantedBy().get(0).conditionKeys()
                .contains("aws:MultiFactorAuthPresent"));
    }

    @Test
    void profileOverridesReplaceDefaults() {
        var ctx = AttackerProfile.STOLEN_KEYS.context(Map.of("aws:MultiFactorAuthPresent", List.of("true")),
                List.of("aws:ViaAWSService"));
        assertEquals("true", ctx.value("aws:MultiFactorAuthPresent"));
        assertTrue(ctx.isUnknown("aws:ViaAWSService"));
        assertTrue(ctx.isUnknown("aws:SourceIp"));
        assertFalse(AttackerProfile.STOLEN_KEYS.context(Map.of(), List.of()).isPresent("aws:MultiFactorAuthPresent"));
        assertEquals(AttackerProfile.INSIDER, AttackerProfile.named("Insider").orElseThrow());
    }

    @Test
    void sessionArnAndRoleNameResolveToTheRole() {
        BlastRadius b = blast(SampleOrg.graph(), "arn:aws:sts::333333333333:assumed-role/ci-deployer/gh-run-1",
                AttackerProfile.STOLEN_KEYS);
        assertEquals(CI, b.start().arn());
        assertEquals(List.of(DEPLOY), b.reachable().stream().map(Reachable::arn).toList());
        assertFalse(b.canReachAdmin());
    }

    /**
     * On several cores the start is enumerated while the paths are found, and the others in a queue: the report
     * is the one a single thread gives, for a start that reaches others, one that reaches no one, and one not
     * in the graph.
     */
    @Test
    void severalCoresGiveTheReportOneThreadGives() {
        BlastOptions one = new BlastOptions(OPTIONS.limits(), OPTIONS.huntSince(), 1, OPTIONS.athenaTable(),
                OPTIONS.eventDataStore());
        BlastOptions four = new BlastOptions(OPTIONS.limits(), OPTIONS.huntSince(), 4, OPTIONS.athenaTable(),
                OPTIONS.eventDataStore());
        for (String start : List.of("AKIAZCONTRACTOR7LEAK", CI, "data-hwang")) {
            FakeGraph graph = start.equals("data-hwang") ? new FakeGraph() : SampleOrg.graph();
            assertEquals(analyse(graph, start, one), analyse(graph, start, four), start);
        }
    }

    private static BlastRadius analyse(FakeGraph graph, String start, BlastOptions options) {
        AttackerProfile p = AttackerProfile.STOLEN_KEYS;
        // A fresh index each time: lists built by one run must not stand in for the other's.
        io.iamscope.model.SnapshotIndex index = new io.iamscope.model.SnapshotIndex(io.iamscope.model.io.SnapshotReader
                .read(List.of(java.nio.file.Path.of(SampleOrg.SNAPSHOT)), null, null).snapshot());
        return new BlastRadiusAnalysis(Workspaces.of(index, graph), TACTICS)
                .analyse(start, p.name(), p.context(Map.of(), List.of()), options);
    }
}
