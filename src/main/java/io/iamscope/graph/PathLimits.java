package io.iamscope.graph;

/**
 * Limits a path search honours: the longest path, and whether conditional edges (which hold only under
 * unknown conditions, such as an MFA requirement) may be used. Blast radius uses them by default and marks
 * what they reach as conditional: an under-count is the dangerous error.
 */
public record PathLimits(int maxDepth, boolean allowConditional) {
    public static final PathLimits DEFAULT = new PathLimits(12, true);
    public static final PathLimits DEFINITE_ONLY = new PathLimits(12, false);
}
