package io.iamscope.analysis.trail;

import io.iamscope.access.AccessChecker;
import io.iamscope.analysis.Workspace;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.trail.TrailEvent;
import java.time.Instant;
import java.util.List;

/**
 * The snapshot as the attacker's changes made it, change after change: the state before a call has the changes
 * made strictly before it applied (a change is not applied to its own call, nor to a call logged in the same second:
 * CloudTrail's times do not order them). A state is built only when a call or the report asks for it; asked in time
 * order, each is built once and dropped when the next is built (one snapshot with changes in memory at a time, not
 * one per change): a workspace per change at most, never one per call.
 */
final class ChangeTimeline {
    /** The snapshot with the first {@code changes} changes applied, and the engine's questions about it. */
    record State(int changes, AppliedChanges applied, AccessChecker checker) {
        SnapshotIndex index() {
            return applied.workspace().index();
        }
    }

    private final List<TrailEvent> changes;
    private final ChangeOverlay overlay;
    private final State base;
    private State current;

    /** @param changes the attacker's successful changes the overlay applies, in time order */
    ChangeTimeline(Workspace base, List<TrailEvent> changes, ChangeOverlay overlay) {
        this.changes = List.copyOf(changes);
        this.overlay = overlay;
        this.base = new State(0, new AppliedChanges(base, List.of(), List.of(), 0),
                base.checker(TrailAnalysis.callContext(List.of())));
        this.current = this.base;
    }

    List<TrailEvent> changes() {
        return changes;
    }

    /** The state a call made at {@code t} saw: the changes made before it (cheapest asked in time order). */
    State before(Instant t) {
        int n = 0;
        while (n < changes.size() && changes.get(n).time().isBefore(t)) {
            n++;
        }
        return state(n);
    }

    /** The state at {@code t}: the changes made at or before it; every change when {@code t} is null. */
    State asOf(Instant t) {
        int n = 0;
        while (n < changes.size() && (t == null || !changes.get(n).time().isAfter(t))) {
            n++;
        }
        return state(n);
    }

    private State state(int n) {
        if (n == 0) {
            return base;
        }
        if (current.changes() != n) {
            AppliedChanges a = overlay.apply(changes.subList(0, n));
            current = new State(n, a, a.workspace().checker(TrailAnalysis.callContext(a.unknownKeys())));
        }
        return current;
    }
}
