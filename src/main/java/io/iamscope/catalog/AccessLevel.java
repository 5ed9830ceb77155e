package io.iamscope.catalog;

import java.util.Locale;

/**
 * The access level the Service Authorization Reference gives an action: exactly one of five. The source package
 * writes "Permissions management, Write" and "Tagging, Write"; the converter keeps the more specific level.
 */
public enum AccessLevel {
    LIST("List"),
    READ("Read"),
    WRITE("Write"),
    PERMISSIONS_MANAGEMENT("Permissions management"),
    TAGGING("Tagging");

    private final String label;

    AccessLevel(String label) {
        this.label = label;
    }

    /** The label as AWS prints it, e.g. {@code Permissions management}. */
    public String label() {
        return label;
    }

    /** The level whose label is {@code label} (case-insensitive), or {@code null} when there is none. */
    static AccessLevel fromLabel(String label) {
        String wanted = label.toLowerCase(Locale.ROOT);
        for (AccessLevel level : values()) {
            if (level.label.toLowerCase(Locale.ROOT).equals(wanted)) {
                return level;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
