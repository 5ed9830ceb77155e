package io.iamscope.analysis.blast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.Tactics;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.graph.GraphBuilder;
import io.iamscope.graph.JGraphTAccessGraph;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A blast radius that reaches a definite administrator of an account lets that administrator stand for the
 * account's other principals, except those a policy names ({@code blast/taken-account.json}: the start may
 * assume role `admin`; users `u1` and `u2` hold DynamoDB rights, which the administrator has too; role `data`
 * is the only principal the policy of `secret-bucket` lets read it, and `admin` is denied it).
 */
class EnumerationPlanTest {
    private static final String ACCOUNT = "arn:aws:iam::222222222222:";
    private static final Catalog CATALOG = Catalog.bundled();

    private static BlastRadius blast() {
        SnapshotIndex index = new SnapshotIndex(SnapshotReader.read(Path.of("src/test/resources/blast/taken-account.json"))
                .snapshot());
        RequestContext context = AttackerProfile.STOLEN_KEYS.context(Map.of(), List.of());
        JGraphTAccessGraph graph = GraphBuilder.build(index, new LocalAuthorizer(), CATALOG, context);
        return new BlastRadiusAnalysis(index, graph, new LocalAuthorizer(), CATALOG, Tactics.load(CATALOG))
                .analyse("start", "stolen-keys", context, BlastOptions.defaults(Instant.parse("2026-11-28T00:00:00Z")));
    }

    @Test
    void theAdministratorStandsForUnnamedPrincipalsAndNamedOnesAreEnumeratedWhereNamed() {
        BlastRadius b = blast();
        assertTrue(b.canReachAdmin());
        List<String> reachable = b.reachable().stream().map(Reachable::arn).toList();
        assertTrue(reachable.containsAll(List.of(ACCOUNT + "role/admin", ACCOUNT + "user/u1", ACCOUNT + "user/u2",
                ACCOUNT + "role/data")), reachable.toString());
        // Enumerated: the start, the administrator, and `data` (only where it is named).
        assertEquals(List.of(ACCOUNT + "user/start", ACCOUNT + "role/admin", ACCOUNT + "role/data"),
                b.principalsEvaluated());
        assertTrue(b.notes().stream().anyMatch(n -> n.startsWith("2 reachable principal(s) of account `222222222222`")
                && n.contains("role/admin")), b.notes().toString());

        // The bucket only `data` may read is listed, granted by `data`: a stand-in would have dropped it.
        ResourceAccess secret = b.services().stream().flatMap(s -> s.actions().stream())
                .filter(a -> a.action().equals("s3:GetObject")).flatMap(a -> a.resources().stream())
                .filter(r -> r.resource().equals("arn:aws:s3:::secret-bucket/*")).findFirst().orElseThrow();
        assertEquals(List.of(ACCOUNT + "role/data"), secret.grantedBy().stream().map(Grantor::principal).toList());
        // DynamoDB access is listed through the administrator.
        assertTrue(b.services().stream().anyMatch(s -> s.prefix().equals("dynamodb")));
        assertFalse(b.principalsEvaluated().contains(ACCOUNT + "user/u1"));
    }
}
