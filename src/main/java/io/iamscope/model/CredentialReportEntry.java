package io.iamscope.model;

import java.util.List;

/**
 * One row of a credential report. Dates are ISO 8601 as AWS writes them, or null where the report says
 * {@code N/A}, {@code no_information} or {@code not_supported}; a flag is null where the report says
 * {@code not_supported} (the root user's {@code password_enabled}).
 *
 * @param user             the user name; {@code <root_account>} for the root user
 * @param passwordLastUsed when the console password was last used, or null (never, or not since October 2014)
 * @param keys             the report's two access key slots, in order
 */
public record CredentialReportEntry(String user, String arn, String userCreationTime, Boolean passwordEnabled,
                                    String passwordLastUsed, Boolean mfaActive, List<KeySlot> keys) {

    /** The user name AWS gives the root user's row. */
    public static final String ROOT = "<root_account>";

    public CredentialReportEntry {
        keys = List.copyOf(keys);
    }

    public boolean isRoot() {
        return ROOT.equals(user);
    }

    /**
     * One access key column group ({@code access_key_1_*}): the report names no key id; {@code lastRotated} is
     * the key's creation date or last rotation.
     */
    public record KeySlot(int slot, boolean active, String lastRotated, String lastUsedDate, String lastUsedService) {
    }
}
