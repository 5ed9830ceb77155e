package io.iamscope.policy;

/** The keys of a {@code Principal} object. */
public enum PrincipalType {
    AWS("AWS"),
    SERVICE("Service"),
    FEDERATED("Federated"),
    CANONICAL_USER("CanonicalUser");

    private final String json;

    PrincipalType(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** Matches the key as AWS writes it; null when it is not a principal type. */
    public static PrincipalType fromJson(String key) {
        for (PrincipalType t : values()) {
            if (t.json.equals(key)) {
                return t;
            }
        }
        return null;
    }
}
