package io.iamscope.graph;

/**
 * Told as each phase of a graph build starts, on the building thread: for progress display, and for callers
 * that put the cores a phase leaves idle to use ({@link BuildPhase#ASSEMBLY} runs on one thread). Must return
 * quickly.
 */
@FunctionalInterface
public interface BuildProgress {
    BuildProgress NONE = phase -> { };

    void started(BuildPhase phase);
}
