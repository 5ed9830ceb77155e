package io.iamscope.analysis.trail;

import io.iamscope.catalog.Tactic;
import java.time.Instant;

/**
 * An action the attacker called, with how the calls went.
 *
 * @param deniedOn a resource it was refused on, null when none is known
 * @param tactic   the ATT&amp;CK tactic of its calls ({@link io.iamscope.catalog.CallTactics}), null when none is known
 * @param first    its first call
 * @param last     its last call
 */
public record ActionUse(String action, long succeeded, long denied, long failed, String deniedOn, Tactic tactic,
                        Instant first, Instant last) {
    public String service() {
        return action.substring(0, action.indexOf(':'));
    }

    public long calls() {
        return succeeded + denied + failed;
    }
}
