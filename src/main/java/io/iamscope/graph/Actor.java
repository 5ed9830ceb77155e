package io.iamscope.graph;

import io.iamscope.eval.PolicySet;
import io.iamscope.model.Principal;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Role;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A user or role considered as an attacker while the graph is built: its reference for the gatherer, its
 * caller-side policy set (for the cheap "does any Allow name this action" test, memoised per action) and the
 * roles it can assume directly (filled by the assume phase, read by techniques that need a role one can reach).
 */
public final class Actor {
    private final PrincipalRef ref;
    private final PolicySet callerSet;
    private final Map<String, Boolean> mentions = new ConcurrentHashMap<>();
    private volatile List<Role> assumable = List.of();
    private volatile boolean reachesOwnAdmin;

    Actor(PrincipalRef ref, PolicySet callerSet) {
        this.ref = ref;
        this.callerSet = callerSet;
    }

    public PrincipalRef ref() {
        return ref;
    }

    public Principal principal() {
        return ref.principal();
    }

    public String arn() {
        return ref.arn();
    }

    public String account() {
        return ref.accountId();
    }

    /** The caller side (identity policies with groups', boundary, SCPs) the engine evaluates for this actor. */
    public PolicySet callerSet() {
        return callerSet;
    }

    /** The roles this actor can assume directly (possibly conditionally). */
    public List<Role> assumable() {
        return assumable;
    }

    void assumable(List<Role> roles) {
        this.assumable = List.copyOf(roles);
    }

    /** Whether it reaches, by one assume, an admin role of its own account. */
    public boolean reachesOwnAdmin() {
        return reachesOwnAdmin;
    }

    void reachesOwnAdmin(boolean yes) {
        this.reachesOwnAdmin = yes;
    }

    Map<String, Boolean> mentionsCache() {
        return mentions;
    }
}
