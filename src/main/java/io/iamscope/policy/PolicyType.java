package io.iamscope.policy;

import java.util.Locale;

/** What a policy document is attached as: the grammar AWS checks it against ({@link PolicyGrammar}). */
public enum PolicyType {
    /** An identity-based policy: managed or inline, of a user, group or role; also a permissions boundary or a
     * session policy. */
    IDENTITY,
    /** A resource-based policy (bucket, queue, topic, key, secret, ... policy), but a role's trust policy. */
    RESOURCE,
    /** A role's trust policy (its assume-role policy document). */
    TRUST,
    /** A service control policy. */
    SCP,
    /** A resource control policy. */
    RCP;

    /** The type named {@code name} (any case), or null. */
    public static PolicyType of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code identity-based policy}, {@code trust policy}, ... */
    public String description() {
        return switch (this) {
            case IDENTITY -> "identity-based policy";
            case RESOURCE -> "resource-based policy";
            case TRUST -> "trust policy";
            case SCP -> "service control policy";
            case RCP -> "resource control policy";
        };
    }
}
