package io.iamscope.eval;

/**
 * Decides whether a request is allowed, given every policy that applies to it. Implementations never throw
 * for a policy or request they cannot fully evaluate: they return a decision that says so.
 */
public interface Authorizer {
    Decision authorize(Request request, PolicySet policies);
}
