package io.iamscope.analysis.diff;

/** Whether a thing is new, gone, or there in both snapshots but different. */
public enum ChangeKind {
    ADDED, REMOVED, CHANGED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
