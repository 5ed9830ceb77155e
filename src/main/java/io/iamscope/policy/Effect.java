package io.iamscope.policy;

/** A statement's {@code Effect}: the two values IAM accepts (case-sensitive, as AWS validates them). */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    /** The spelling used in policy JSON. */
    public String json() {
        return json;
    }
}
