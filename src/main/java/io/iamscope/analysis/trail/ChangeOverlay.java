package io.iamscope.analysis.trail;

import io.iamscope.model.trail.TrailEvent;
import java.util.List;

/**
 * How the attacker's logged changes are applied to the snapshot: {@code check}'s overlay, which the command
 * supplies (analysis reads no input format). The changes are given in time order and all succeeded.
 */
public interface ChangeOverlay {
    /** Whether the overlay applies calls of this event name (others change no permission it models). */
    boolean applies(String eventName);

    /** The snapshot's workspace with {@code changes} applied. */
    AppliedChanges apply(List<TrailEvent> changes);
}
