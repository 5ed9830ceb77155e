package io.iamscope.analysis.diff;

import io.iamscope.analysis.findings.Finding;
import java.util.List;

/**
 * A review finding the change introduced, resolved, or widened (the same finding, with principals it did not
 * concern before: one more principal can escalate through the same statement).
 *
 * @param finding  the finding as it stands after the change (before it, for a resolved one)
 * @param newlyAffected for a widened finding, the principals it concerns now and did not; empty otherwise
 */
public record FindingChange(ChangeKind kind, Finding finding, List<String> newlyAffected) {
    public FindingChange {
        newlyAffected = List.copyOf(newlyAffected);
    }
}
