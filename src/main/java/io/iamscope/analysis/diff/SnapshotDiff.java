package io.iamscope.analysis.diff;

import io.iamscope.analysis.findings.Severity;
import java.util.List;

/**
 * Two snapshots compared: what was written differently, what it does to each user and role, and the review
 * findings it introduced, widened or resolved.
 *
 * @param before   labels of the old snapshot (its accounts, when collected)
 * @param after    labels of the new one
 * @param warnings what the comparison could not do, one line each
 */
public record SnapshotDiff(String before, String after, List<Change> changes, List<PrincipalChange> principals,
                           List<FindingChange> findings, List<String> warnings) {
    public SnapshotDiff {
        changes = List.copyOf(changes);
        principals = List.copyOf(principals);
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }

    /** The same comparison under other labels, with more warnings first (what a plan could not apply). */
    public SnapshotDiff relabelled(String beforeLabel, String afterLabel, List<String> moreWarnings) {
        List<String> all = new java.util.ArrayList<>(moreWarnings);
        all.addAll(warnings);
        return new SnapshotDiff(beforeLabel, afterLabel, changes, principals, findings, all);
    }

    /** Nothing written differently and nothing that follows from it. */
    public boolean isEmpty() {
        return changes.isEmpty() && principals.isEmpty() && findings.isEmpty();
    }

    /** Whether the change introduced or widened a finding at or above the severity. */
    public boolean introducesAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.kind() != ChangeKind.REMOVED
                && f.finding().severity().atLeast(threshold));
    }

    public List<PrincipalChange> gained() {
        return principals.stream().filter(PrincipalChange::gained).toList();
    }
}
