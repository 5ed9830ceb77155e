package io.iamscope.analysis.diff;

/** A principal's standing towards administrator in one snapshot. */
public enum AdminState {
    /** Not in the snapshot. */
    ABSENT("absent"),
    /** Neither administrator nor able to become one. */
    NONE("no path to admin"),
    /** Can become administrator only where unknown condition keys allow. */
    REACHES_ADMIN_IF("can reach admin (conditional)"),
    /** Can become administrator. */
    REACHES_ADMIN("can reach admin"),
    /** Administrator-equivalent, or an account node. */
    ADMIN("admin-equivalent");

    private final String words;

    AdminState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** Whether going from {@code before} to this is a step towards administrator (a new principal: from none). */
    public boolean worseThan(AdminState before) {
        return ordinal() > Math.max(before.ordinal(), NONE.ordinal());
    }
}
