package io.iamscope.analysis.blast;

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
import io.iamscope.eval.local.LocalAuthorizer;
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
        return new BlastRadiusAnalysis(SampleOrg.index(), graph, new LocalAuthorizer(), CATALOG, TACTICS)
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
}
