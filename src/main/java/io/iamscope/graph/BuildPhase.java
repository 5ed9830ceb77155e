package io.iamscope.graph;

/** The phases of a graph build, in order (docs/techniques.md, docs/performance.md). */
public enum BuildPhase {
    /** Nodes, and each user's and role's caller side gathered (parallel). */
    ACTORS("nodes and actors"),
    /** Each principal's admin status (parallel). */
    ADMIN("admin"),
    /** Assume-role edges (parallel). */
    ASSUME("assume"),
    /** The escalation techniques (parallel). */
    TECHNIQUES("techniques"),
    /** The edges added to the graph: one thread (JGraphT's graph is not thread-safe), the other cores idle. */
    ASSEMBLY("graph");

    private final String label;

    BuildPhase(String label) {
        this.label = label;
    }

    /** The phase's name in build statistics. */
    public String label() {
        return label;
    }
}
