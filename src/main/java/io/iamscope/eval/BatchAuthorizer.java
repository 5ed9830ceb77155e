package io.iamscope.eval;

import java.util.List;

/**
 * An {@link Authorizer} that can also answer, cheaply, questions about many requests at once: an optional
 * capability, for callers that ask the same question of thousands of targets (graph building asks whether each
 * user and role may assume each role that trusts its account). Every answer must agree with {@link #authorize}:
 * the "may" questions may over-approximate (answer true when unsure, never false for a request that
 * {@code authorize} could allow), and the classes of {@link #resourceClasses} must be decided alike by
 * {@code authorize}. An engine without such shortcuts is used through a one-by-one adapter instead
 * ({@code io.iamscope.access}), which gives the same answers by asking {@code authorize} for each request.
 */
public interface BatchAuthorizer extends Authorizer {

    /**
     * Whether any identity-based Allow of the set names the action (ignoring resources and conditions): a
     * necessary condition for the caller side to allow it. Resource policies that grant on their own are not
     * counted.
     */
    boolean identityMayAllow(PolicySet policies, String action);

    /**
     * The Resource patterns of the identity-based Allows that name the action, as written; an Allow with
     * NotResource (or without Resource) counts as {@code *}.
     */
    List<String> identityAllowResources(PolicySet policies, String action);

    /**
     * False only when {@link #authorize} cannot allow the request whatever else the policies say (a trust or key
     * policy that must allow has no Allow naming the caller); true otherwise, including whenever unsure.
     */
    boolean resourcePolicyMayAllow(Request request, PolicySet policies);

    /**
     * The resources of the list split into classes the set cannot tell apart for the action: requests that
     * differ only in a resource of one class, with the same context and the same resource-side facts (account,
     * type, resource policy, derived keys), get the same decision.
     *
     */
    ResourceClasses resourceClasses(PolicySet set, String action, RequestContext context, ResourceList list);
}
