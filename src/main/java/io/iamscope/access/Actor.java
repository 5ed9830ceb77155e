package io.iamscope.access;

import io.iamscope.eval.PolicySet;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.Principal;
import io.iamscope.model.PrincipalRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A user or role asked about as the caller of many requests (an attacker while the graph is built): its
 * reference for the gatherer, and its caller-side policy set (identity policies with its groups', boundary,
 * SCPs), gathered once, with the cheap "does any Allow name this action" answers memoised per action.
 *
 * <p>An actor may carry a context of its own that its requests start from instead of the checker's attacker
 * context: the same principal after it changed its own tags, or acting on resources whose tags it changed
 * ({@link AccessChecker#retagged}, {@link AccessChecker#withUnknown}).
 */
public final class Actor {
    private final PrincipalRef ref;
    private final PolicySet callerSet;
    /** The context its requests start from, or null for the checker's attacker context. */
    private final RequestContext context;
    private final Map<String, Boolean> mentions;
    /** Contexts derived from {@link #context} (a key set for one request), by name; unused without one. */
    private final Map<String, RequestContext> derived = new ConcurrentHashMap<>(2);

    Actor(PrincipalRef ref, PolicySet callerSet) {
        this(ref, callerSet, null, new ConcurrentHashMap<>());
    }

    Actor(PrincipalRef ref, PolicySet callerSet, RequestContext context, Map<String, Boolean> mentions) {
        this.ref = ref;
        this.callerSet = callerSet;
        this.context = context;
        this.mentions = mentions;
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

    /** Whether its requests start from a context of its own rather than the checker's. */
    public boolean hasOwnContext() {
        return context != null;
    }

    RequestContext context() {
        return context;
    }

    Map<String, Boolean> mentionsCache() {
        return mentions;
    }

    Map<String, RequestContext> derivedContexts() {
        return derived;
    }
}
