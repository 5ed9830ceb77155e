package io.iamscope.access;

import io.iamscope.eval.PolicySet;
import io.iamscope.model.Principal;
import io.iamscope.model.PrincipalRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A user or role asked about as the caller of many requests (an attacker while the graph is built): its
 * reference for the gatherer, and its caller-side policy set (identity policies with its groups', boundary,
 * SCPs), gathered once, with the cheap "does any Allow name this action" answers memoised per action.
 */
public final class Actor {
    private final PrincipalRef ref;
    private final PolicySet callerSet;
    private final Map<String, Boolean> mentions = new ConcurrentHashMap<>();

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

    Map<String, Boolean> mentionsCache() {
        return mentions;
    }
}
