package io.iamscope.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * An incident-response tactic an action serves an attacker for, named after the MITRE ATT&amp;CK cloud tactics.
 * The order is the order reports list them in: the most urgent first. {@code COLLECTION} and
 * {@code INITIAL_ACCESS} tag calls seen in CloudTrail ({@link CallTactics}); tactics.json tags no permission with
 * them.
 */
public enum Tactic {
    PRIVILEGE_ESCALATION,
    PERSISTENCE,
    DEFENSE_EVASION,
    CREDENTIAL_ACCESS,
    LATERAL_MOVEMENT,
    EXECUTION,
    EXFILTRATION,
    COLLECTION,
    IMPACT,
    DISCOVERY,
    INITIAL_ACCESS;

    /** The id used in tactics.json and in output, e.g. {@code privilege-escalation}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The tactic with this id, ignoring case. */
    public static Optional<Tactic> byId(String id) {
        for (Tactic t : values()) {
            if (t.id().equalsIgnoreCase(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
