package io.iamscope.analysis.blast;

import java.util.List;

/**
 * One resource scope an action is allowed on, and by whom.
 *
 * @param resource  a concrete ARN of the snapshot, or a pattern from a policy ({@code *}, {@code arn:aws:s3:::x-*})
 * @param concrete  whether {@code resource} is a resource of the snapshot (else a pattern: an upper bound)
 * @param grantedBy the reachable principals that can, definite ones first
 */
public record ResourceAccess(String resource, boolean concrete, List<Grantor> grantedBy) {
    public ResourceAccess {
        grantedBy = List.copyOf(grantedBy);
    }

    /** Conditional when no principal can do it definitely. */
    public boolean conditional() {
        return grantedBy.stream().allMatch(Grantor::conditional);
    }
}
