package io.iamscope.graph;

import io.iamscope.catalog.Catalog;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;

/** Builds graphs of test snapshots with the stolen-key attacker profile. */
final class GraphFixtures {
    /** Stolen long-term keys: no MFA, not through a service, source IP unknown. */
    static final RequestContext ATTACKER = RequestContext.builder().put("aws:MultiFactorAuthPresent", "false")
            .put("aws:ViaAWSService", "false").unknown("aws:SourceIp").build();

    private static Catalog catalog;

    private GraphFixtures() {
    }

    static synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = Catalog.bundled();
        }
        return catalog;
    }

    static JGraphTAccessGraph build(Path snapshot) {
        SnapshotIndex index = new SnapshotIndex(SnapshotReader.read(snapshot).snapshot());
        return GraphBuilder.build(index, new LocalAuthorizer(), catalog(), ATTACKER);
    }
}
