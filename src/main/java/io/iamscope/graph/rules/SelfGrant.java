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

    /** The action on the attacker's own user. */
    static void onSelfUser(Actor a, TechniqueContext ctx, String action, String id, Consumer<Escalation> out) {
        if (a.principal() instanceof User u && Own.unbounded(u)) {
            Steps s = new Steps();
            if (s.allow(check(a, ctx, action, u.arn()))) {
                out.accept(s.to(id, a.arn(), true));
            }
        }
    }

    /** The action on each group the attacker's user belongs to. */
    static void onOwnGroups(Actor a, TechniqueContext ctx, String action, String id, Consumer<Escalation> out) {
        if (!Own.unbounded(a.principal())) {
            return;
        }
        for (Group g : Own.groups(a, ctx)) {
            Steps s = new Steps();
            if (s.allow(check(a, ctx, action, g.arn()))) {
                out.accept(s.to(id, a.arn(), true));
                return;
            }
        }
    }

    /** The action on the attacker's own role, then on each role it can assume. */
    static void onRoles(Actor a, TechniqueContext ctx, String action, String id, Consumer<Escalation> out) {
        if (a.principal() instanceof Role self && Own.unbounded(self)) {
            Steps s = new Steps();
            if (s.allow(check(a, ctx, action, self.arn()))) {
                out.accept(s.to(id, a.arn(), true));
            }
        }
        for (Role r : Own.reachableUnboundedRoles(a, ctx)) {
            Steps s = new Steps();
            if (s.allow(check(a, ctx, action, r.arn()))) {
                out.accept(s.to(id, r.arn(), true));
            }
        }
    }
}
