package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import io.iamscope.access.AllowedClasses;
import io.iamscope.access.Evidence;
import io.iamscope.access.Targets;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.Group;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import java.util.BitSet;
import java.util.List;
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

    /** The actor's context for the action: attaching is asked with {@code iam:PolicyARN} = AdministratorAccess. */
    static RequestContext contextFor(Actor a, TechniqueContext ctx, String action) {
        return action.contains(":Attach")
                ? ctx.checker().derived(a, "iam:PolicyARN=" + ADMIN_POLICY, b -> b.put("iam:PolicyARN", ADMIN_POLICY))
                : ctx.checker().contextOf(a);
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

    /**
     * The action on another user of the attacker's account whose credentials it can then obtain (checklist row
     * 69): the user ends up with arbitrary permissions, and the attacker acts as it. Not on a user a boundary
     * caps. Each use makes the attacker an administrator of its account: the first conditional and the first
     * definite one are kept ({@link UntilDefinite}).
     */
    static void onOtherUsers(Actor a, TechniqueContext ctx, String action, String id, Consumer<Escalation> out) {
        if (!Credentials.mayObtainAny(a, ctx)
                || !ctx.checker().mayMatchAnyUnder(a, action, "arn:aws:iam::" + a.account() + ":user/")) {
            return;
        }
        Credentials.Obtainable credentials = Credentials.obtainable(a, ctx);
        if (credentials.isEmpty()) {
            return;
        }
        RequestContext context = contextFor(a, ctx, action);
        Targets<User> users = credentials.users();
        AllowedClasses written = ctx.checker().allowedClasses(a, action, users, context);
        UntilDefinite uses = new UntilDefinite(out);
        // The users on which both steps are allowed: an intersection of classes, one user standing for its
        // intersection (its members are decided alike for both steps).
        for (int w = 0; w < written.size(); w++) {
            for (AllowedClasses way : credentials.ways()) {
                for (int c = 0; c < way.size(); c++) {
                    BitSet both = (BitSet) written.positions(w).clone();
                    both.and(way.positions(c));
                    for (int p = both.nextSetBit(0); p >= 0; p = both.nextSetBit(p + 1)) {
                        User u = users.get(p);
                        if (u.arn().equals(a.arn()) || !Own.unbounded(u)) {
                            continue;
                        }
                        Steps s = new Steps();
                        s.allow(written.evidenceFor(w, u.arn()));
                        s.allow(way.evidenceFor(c, u.arn()));
                        if (!uses.offer(s, id, u.arn())) {
                            return;
                        }
                        break;
                    }
                }
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

    /**
     * The action on the attacker's own role, then on each role it can assume, then on each role it can make
     * assumable by rewriting its trust.
     */
    static void onRoles(Actor a, TechniqueContext ctx, String action, String id, Consumer<Escalation> out) {
        List<Role> assumable = onRoles(a, ctx, by(a, ctx, action), id, out);
        onRewrittenRoles(a, ctx, action, id, assumable, out);
    }

    /** The grant on the attacker's own role, then on each role it can assume; the roles it can assume. */
    static List<Role> onRoles(Actor a, TechniqueContext ctx, Grant grant, String id, Consumer<Escalation> out) {
        if (a.principal() instanceof Role self && Own.unbounded(self)) {
            Steps s = new Steps();
            if (grant.on(self.arn(), s)) {
                out.accept(s.to(id, a.arn(), true));
            }
        }
        List<Role> assumable = Own.reachableUnboundedRoles(a, ctx);
        for (Role r : assumable) {
            Steps s = new Steps();
            if (grant.on(r.arn(), s)) {
                out.accept(s.to(id, r.arn(), true));
            }
        }
        return assumable;
    }

    /**
     * The action on a role of the attacker's account it cannot assume now but can make assumable by rewriting
     * its trust ({@link TrustRewrite}, checklist row 68): the roles on which the action is allowed are found per
     * class, and each then needs the rewrite. Each use makes the attacker an administrator of its account: the
     * first conditional and the first definite one are kept ({@link UntilDefinite}).
     */
    private static void onRewrittenRoles(Actor a, TechniqueContext ctx, String action, String id, List<Role> assumable,
                                         Consumer<Escalation> out) {
        if (!ctx.checker().mayMatchAnyUnder(a, action, "arn:aws:iam::" + a.account() + ":role/")
                || !TrustRewrite.mayRewriteAny(a, ctx) || TrustRewrite.rewritable(a, ctx).isEmpty()) {
            return;
        }
        RequestContext context = contextFor(a, ctx, action);
        UntilDefinite uses = new UntilDefinite(out);
        java.util.Set<String> assumableArns = new java.util.HashSet<>();
        assumable.forEach(r -> assumableArns.add(r.arn()));
        ctx.checker().forEachAllowed(a, action, ctx.editableRolesAdminFirst(a.account()), context, (r, written) -> {
            Evidence rewritten = TrustRewrite.rewrite(a, ctx, r);
            if (assumableArns.contains(r.arn()) || !Own.writable(r) || rewritten == null
                    || uses.offeredAlike(written.condition(), rewritten.condition())) {
                return true;
            }
            List<Evidence> rewrite = TrustRewrite.steps(a, ctx, r);
            if (rewrite == null) {
                return true;
            }
            Steps s = Steps.after(rewrite);
            s.allow(written);
            return uses.offer(s, id, r.arn(), written.condition(), rewritten.condition());
        });
    }
}
