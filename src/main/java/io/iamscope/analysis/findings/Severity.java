package io.iamscope.analysis.findings;

import java.util.Locale;
import java.util.Optional;

/** How urgent a finding is, lowest first; {@code --fail-on} compares against it. */
public enum Severity {
    /** A fact to know (an inventory entry, a ranking), never a failure. */
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** {@code high}: how commands, files and reports spell it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** The severity spelled {@code word}, ignoring case. */
    public static Optional<Severity> named(String word) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
