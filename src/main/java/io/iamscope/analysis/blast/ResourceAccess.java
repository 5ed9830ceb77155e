package io.iamscope.analysis.blast;

import java.util.List;

/**
 * One resource scope an action is allowed on, and by whom.
 *
 * @param resource  a concrete ARN of the snapshot, a pattern from a policy ({@code *}, {@code arn:aws:s3:::x-*}),
 *                  or the id of {@code set}
 * @param concrete  whether {@code resource} is a resource of the snapshot, or a set of them (else a pattern: an
 *                  upper bound)
 * @param grantedBy the reachable principals that can, definite ones first
 * @param set       the resources decided alike that this entry stands for, or null for one resource or pattern
 */
public record ResourceAccess(String resource, boolean concrete, List<Grantor> grantedBy, ResourceSet set) {
    public ResourceAccess {
        grantedBy = List.copyOf(grantedBy);
    }

    public ResourceAccess(String resource, boolean concrete, List<Grantor> grantedBy) {
        this(resource, concrete, grantedBy, null);
    }

    /** How many resources (or patterns) the entry stands for. */
    public int count() {
        return set == null ? 1 : set.members().size();
    }

    /** The ARN or pattern, or the set's label and id: {@code 10000 iam role(s) of account 1234... (set-1)}. */
    public String describe() {
        return set == null ? resource : set.label() + " (" + set.id() + ")";
    }

    /** Conditional when no principal can do it definitely. */
    public boolean conditional() {
        for (Grantor g : grantedBy) {
            if (!g.conditional()) {
                return false;
            }
        }
        return true;
    }
}
