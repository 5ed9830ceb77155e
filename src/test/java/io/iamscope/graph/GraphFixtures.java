package io.iamscope.graph;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Gatherer;
import io.iamscope.access.TargetFacts;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.Authorizer;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.graph.rules.BuiltInTechniques;
import io.iamscope.graph.technique.Technique;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import java.util.List;

/** Builds graphs of test snapshots with the stolen-key attacker profile. */
final class GraphFixtures {
    /**
     * Stolen long-term keys: no MFA key at all (absent: the user's keys carry none; the gatherer gives role
     * sessions {@code aws:MultiFactorAuthPresent} false, docs/attacker-context.md), not through a service, source
     * IP unknown.
     */
    static final RequestContext ATTACKER = RequestContext.builder().put("aws:ViaAWSService", "false")
            .unknown("aws:SourceIp").build();

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
        return build(snapshot, new LocalAuthorizer());
    }

    /** The graph built with another engine (the reference evaluator). */
    static JGraphTAccessGraph build(Path snapshot, Authorizer engine) {
        return build(new SnapshotIndex(SnapshotReader.read(snapshot).snapshot()), engine, ATTACKER,
                BuiltInTechniques.ALL);
    }

    static JGraphTAccessGraph build(SnapshotIndex index, Authorizer engine, RequestContext context,
                                    List<Technique> techniques) {
        return GraphBuilder.build(new AccessChecker(new Gatherer(index), engine, context), new TargetFacts(index),
                catalog(), techniques, BuildProgress.NONE);
    }
}
