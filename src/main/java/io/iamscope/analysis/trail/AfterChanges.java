package io.iamscope.analysis.trail;

import io.iamscope.analysis.diff.SnapshotDiff;
import java.time.Instant;
import java.util.List;

/**
 * What the attacker's changes bought: the snapshot with the changes applied, compared with the snapshot as
 * {@code check} compares a plan's result with it (who came closer to administrator, who reaches principals they did
 * not, what was written differently; not the review findings).
 *
 * @param asOf        the time asked for ({@code --as-of}), null for every change logged
 * @param changes     how many of the attacker's changes were applied (those at or before {@code asOf})
 * @param lastApplied the time of the last change applied, null when none was
 * @param pending     the attacker's changes after {@code asOf}, not applied
 * @param unknownKeys condition keys standing for what the logs do not carry, declared unknown: what depends on
 *                    them is conditional
 * @param held        the principals the attacker holds credentials of (the start's, and those it made up to
 *                    {@code asOf}), with their standing before and after
 * @param diff        the comparison; its warnings say what could not be applied
 */
public record AfterChanges(Instant asOf, int changes, Instant lastApplied, int pending, List<String> unknownKeys,
                           List<HeldCredential> held, SnapshotDiff diff) {
    public AfterChanges {
        unknownKeys = List.copyOf(unknownKeys);
        held = List.copyOf(held);
    }
}
