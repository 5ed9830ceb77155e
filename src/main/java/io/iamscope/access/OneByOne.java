package io.iamscope.access;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Authorizer;
import io.iamscope.eval.BatchAuthorizer;
import io.iamscope.eval.Decision;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.ResourceClasses;
import io.iamscope.eval.ResourceList;
import io.iamscope.eval.match.ActionMatcher;
import io.iamscope.policy.Effect;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Any {@link Authorizer} as a {@link BatchAuthorizer}: every request is decided by the engine itself, one by one
 * (no classes of resources, no shortcut past a decision), and the questions about policy text are answered from
 * the documents. An engine that cannot say which requests it would decide alike (the IAM policy simulator, the
 * reference evaluator) then gives the same answers as the local engine, only with more calls.
 */
final class OneByOne implements BatchAuthorizer {
    private final Authorizer engine;

    OneByOne(Authorizer engine) {
        this.engine = engine;
    }

    /** The engine's own batch capability, or this adapter around it. */
    static BatchAuthorizer of(Authorizer engine) {
        return engine instanceof BatchAuthorizer batch ? batch : new OneByOne(engine);
    }

    @Override
    public Decision authorize(Request request, PolicySet policies) {
        return engine.authorize(request, policies);
    }

    @Override
    public boolean identityMayAllow(PolicySet policies, String action) {
        for (AttachedPolicy p : policies.identity()) {
            for (Statement s : p.document().statements()) {
                if (names(s, action)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public List<String> identityAllowResources(PolicySet policies, String action) {
        List<String> out = new ArrayList<>(2);
        for (AttachedPolicy p : policies.identity()) {
            for (Statement s : p.document().statements()) {
                if (names(s, action)) {
                    if (s.resource() == null || s.resource().negated()) {
                        out.add("*");
                    } else {
                        out.addAll(s.resource().patterns());
                    }
                }
            }
        }
        return out;
    }

    private static boolean names(Statement s, String action) {
        return s.effect() == Effect.ALLOW && s.action() != null && ActionMatcher.compile(s.action()).matches(action);
    }

    @Override
    public boolean resourcePolicyMayAllow(Request request, PolicySet policies) {
        return true;
    }

    @Override
    public ResourceClasses resourceClasses(PolicySet set, String action, RequestContext context, ResourceList list) {
        return ResourceClasses.none(list.size());
    }
}
