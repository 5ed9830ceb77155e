package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.model.Group;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import java.util.function.Consumer;

/**
 * The checks shared by "write a policy onto a principal": on the attacker itself (a SELF use, when no
 * boundary caps it), on its own groups, or on a role it can assume (a ROLE use that yields admin). Attaching
 * is checked with {@code iam:PolicyARN} set to AdministratorAccess, the policy an attacker would attach.
 */
final class SelfGrant {
    static final String ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";

    private SelfGrant() {
    }

    static Evidence check(Actor a, TechniqueContext ctx, String action, String resource) {
        return action.contains(":Attach")
                ? ctx.checker().check(a, action, resource, "iam:PolicyARN", ADMIN_POLICY)
                : ctx.checker().check(a, action, resource);
    }

    /**
     * A way of writing a policy onto a principal: the checks it takes on the principal's ARN, recorded in
     * {@code steps}; true when they all allow.
     */
    interface Grant {
        boolean on(String principalArn, Steps steps);
    }

    /** The one action that writes the policy, checked as {@link #check} does. */
    static Grant by(Actor a, TechniqueContext ctx, String action) {
        return (arn, s) -> s.allow(check(a, ctx, action, arn));
    }

    /** The action on the attacker's own user. */
    static void onSelfUser(Actor a, TechniqueContext ctx, String action, String id, Consumer<Escalation> out) {
        onSelfUser(a, by(a, ctx, action), id, out);
    }

    /** The grant on the attacker's own user. */
    static void onSelfUser(Actor a, Grant grant, String id, Consumer<Escalation> out) {
        if (a.principal() instanceof User u && Own.unbounded(u)) {
            Steps s = new Steps();
            if (grant.on(u.arn(), s)) {
                out.accept(s.to(id, a.arn(), true));
            }
        }
    }

    /** The action on each group the attacker's user belongs to. */
    static void onOwnGroups(Actor a, TechniqueContext ctx, String action, String id, Consumer<Escalation> out) {
        onOwnGroups(a, ctx, by(a, ctx, action), id, out);
    }

    /** The grant on each group the attacker's user belongs to, until one is allowed. */
    static void onOwnGroups(Actor a, TechniqueContext ctx, Grant grant, String id, Consumer<Escalation> out) {
        if (!Own.unbounded(a.principal())) {
            return;
        }
        for (Group g : Own.groups(a, ctx)) {
            Steps s = new Steps();
            if (grant.on(g.arn(), s)) {
                out.accept(s.to(id, a.arn(), true));
                return;
            }
        }
    }

    /** The action on the attacker's own role, then on each role it can assume. */
    static void onRoles(Actor a, TechniqueContext ctx, String action, String id, Consumer<Escalation> out) {
        onRoles(a, ctx, by(a, ctx, action), id, out);
    }

    /** The grant on the attacker's own role, then on each role it can assume. */
    static void onRoles(Actor a, TechniqueContext ctx, Grant grant, String id, Consumer<Escalation> out) {
        if (a.principal() instanceof Role self && Own.unbounded(self)) {
            Steps s = new Steps();
            if (grant.on(self.arn(), s)) {
                out.accept(s.to(id, a.arn(), true));
            }
        }
        for (Role r : Own.reachableUnboundedRoles(a, ctx)) {
            Steps s = new Steps();
            if (grant.on(r.arn(), s)) {
                out.accept(s.to(id, r.arn(), true));
            }
        }
    }
}
