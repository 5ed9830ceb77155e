package io.iamscope.analysis;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.TargetFacts;
import io.iamscope.catalog.Catalog;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.BuildProgress;

/**
 * Where a {@link Workspace} gets its access graph: the one seam between the analyses and the graph builder, so
 * that analyses are tested on a hand-built graph and never name the builder or its techniques (the command line
 * hands in the builder with the built-in techniques).
 */
@FunctionalInterface
public interface GraphSource {
    /**
     * Builds the access graph of the checker's snapshot.
     *
     * @param checker  the engine checks, every request starting from the attacker's context: edges that hold
     *                 only under unknown keys are conditional
     * @param facts    the snapshot's target facts, shared with the analyses that follow
     * @param progress told as each phase of the build starts
     */
    AccessGraph build(AccessChecker checker, TargetFacts facts, Catalog catalog, BuildProgress progress);
}
