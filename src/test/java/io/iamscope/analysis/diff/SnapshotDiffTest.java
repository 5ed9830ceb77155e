package io.iamscope.analysis.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.Workspaces;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.analysis.findings.Severity;
import io.iamscope.analysis.review.ReviewOptions;
import io.iamscope.model.Snapshot;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@code iamscope diff} on the sample organization against itself (no change) and against the snapshot an
 * incident left (policies-fixtures/diff/make-incident.py: a new default policy version, a new access key, an
 * inline policy that opens a path to an administrator role, a trust opened to an outside account that the
 * organization's RCP keeps out).
 */
class SnapshotDiffTest {
    private static final Path BEFORE = Path.of("policies-fixtures/sample-org/snapshot.json");
    private static final Path INCIDENT = Path.of("policies-fixtures/diff/sample-org-incident.json");
    private static final Map<Path, Snapshot> READ = new ConcurrentHashMap<>();
    private static final String DEV = "arn:aws:iam::333333333333:";

    static Snapshot read(Path p) {
        return READ.computeIfAbsent(p, f -> SnapshotReader.read(List.of(f), null, null).snapshot());
    }

    static SnapshotDiff diff(Path before, Path after) {
        Snapshot a = read(before);
        Snapshot b = read(after);
        return DiffAnalysis.run(Workspaces.of(new SnapshotIndex(a)), ReviewOptions.defaults(
                Instant.parse(a.collectedAt())), Workspaces.of(new SnapshotIndex(b)), ReviewOptions.defaults(
                Instant.parse(b.collectedAt())), AttackerProfile.DEFAULT.name(), AttackerProfile.DEFAULT.context(
                Map.of(), List.of()), List.of());
    }

    @Test
    void aSnapshotAgainstItselfIsNoChange() {
        SnapshotDiff d = diff(BEFORE, BEFORE);
        assertTrue(d.isEmpty(), d.toString());
        assertFalse(d.introducesAtLeast(Severity.INFO));
    }

    @Test
    void theIncidentsChangesAsWritten() {
        List<String> changes = StructuralDiff.between(read(BEFORE), read(INCIDENT)).stream()
                .map(c -> c.kind().word() + " " + c.what() + " " + c.subject() + (c.detail().isEmpty() ? ""
                        : " " + c.detail())).toList();
        assertEquals(List.of(
                "changed default version " + DEV + "policy/contractor-tooling v2 -> v3",
                "changed default version's document " + DEV + "policy/contractor-tooling",
                "added policy version " + DEV + "policy/contractor-tooling v3",
                "changed trust policy " + DEV + "role/security-audit",
                "added access key " + DEV + "user/svc-metrics-export AKIAQ7ATTACKERKEY001 (Active)",
                "added inline policy `debug` " + DEV + "user/svc-metrics-export"), changes);
    }

    /** A changed document carries its RFC 6902 patch: here one statement added to the trust policy. */
    @Test
    void aChangedTrustPolicyCarriesItsPatch() {
        Change trust = StructuralDiff.between(read(BEFORE), read(INCIDENT)).stream()
                .filter(c -> c.what().equals("trust policy")).findFirst().orElseThrow();
        assertNotNull(trust.patch());
        assertEquals(1, trust.patch().size(), trust.patch().toString());
        assertEquals("add", trust.patch().getJsonObject(0).getString("op"));
        assertEquals("/Statement/1", trust.patch().getJsonObject(0).getString("path"));
        assertEquals("arn:aws:iam::999988887777:root", trust.patch().getJsonObject(0).getJsonObject("value")
                .getJsonObject("Principal").getJsonArray("AWS").getString(0));
    }

    /** What the change bought: the user with the new key can now take the break-glass role, one hop. */
    @Test
    void theUserGivenTheInlinePolicyNowReachesAdmin() {
        SnapshotDiff d = diff(BEFORE, INCIDENT);
        PrincipalChange svc = d.principals().stream().filter(p -> p.arn().equals(DEV + "user/svc-metrics-export"))
                .findFirst().orElseThrow(() -> new AssertionError(d.principals().toString()));
        assertEquals(AdminState.NONE, svc.before());
        assertEquals(AdminState.REACHES_ADMIN, svc.after());
        assertTrue(svc.gained());
        assertEquals("iam-update-assume-role-policy", svc.pathToAdmin().get(0).technique());
        assertEquals(DEV + "role/dev-break-glass", svc.pathToAdmin().get(0).to());
        assertTrue(svc.newAccounts().contains("333333333333"), svc.newAccounts().toString());
        assertTrue(d.findings().stream().anyMatch(f -> f.kind() == ChangeKind.ADDED
                && f.finding().code() == FindingCode.PRIVILEGE_ESCALATION
                && f.finding().title().contains("svc-metrics-export")), d.findings().toString());
        assertTrue(d.introducesAtLeast(Severity.HIGH));
        // The trust opened to 999988887777 buys nothing: the DataPerimeter RCP denies sts:AssumeRole to principals
        // outside the organization, so no trust finding is introduced.
        assertTrue(d.findings().stream().noneMatch(f -> f.finding().subject().equals(DEV + "role/security-audit")
                && f.finding().category() == io.iamscope.analysis.findings.Category.TRUST), d.findings().toString());
    }

    /** Only what a principal gained or lost is listed: unchanged principals are not. */
    @Test
    void unchangedPrincipalsAreLeftOut() {
        SnapshotDiff d = diff(BEFORE, INCIDENT);
        assertTrue(d.principals().stream().noneMatch(p -> p.arn().equals(DEV + "user/dev-jwright")),
                d.principals().toString());
    }
}
