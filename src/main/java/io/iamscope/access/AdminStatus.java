package io.iamscope.access;

import io.iamscope.eval.Constraint;
import java.util.List;

/**
 * Whether a principal is admin-equivalent: its effective permissions allow every action on every resource,
 * or it can grant itself that in one step (attach or put a policy on itself or its group, rewrite a policy
 * version it holds, remove its boundary). {@code how} says which, {@code condition} whether it depends on
 * unknown keys.
 */
public record AdminStatus(boolean admin, Constraint condition, String how, List<Evidence> evidence) {
    public static final AdminStatus NOT_ADMIN = new AdminStatus(false, Constraint.FALSE, "", List.of());

    public AdminStatus {
        evidence = List.copyOf(evidence);
    }

    public boolean conditional() {
        return admin && condition != Constraint.TRUE;
    }
}
