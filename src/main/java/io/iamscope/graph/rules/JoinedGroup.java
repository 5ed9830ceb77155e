package io.iamscope.graph.rules;

import io.iamscope.access.Actor;
import io.iamscope.access.AdminCheck;
import io.iamscope.access.AdminStatus;
import io.iamscope.access.Evidence;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Constraint;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Group;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.User;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a user is admin-equivalent once in a group, by the rule used everywhere else (docs/techniques.md,
 * "Admin-equivalent"): by the permissions it then holds ({@link AdminCheck}), or because those permissions let it
 * make itself admin in one step, as the SELF techniques do: attach AdministratorAccess to or put an inline policy
 * on its own user or one of its groups (the joined one included), or give a customer managed policy it holds a
 * new default version. A group allowing {@code iam:*} on {@code *} makes its members admin-equivalent that way,
 * without allowing any of the admin check's actions outside IAM. Only for a user no permissions boundary caps:
 * a boundary caps the group's policies as it caps its own (IAM User Guide, "Permissions boundaries").
 */
final class JoinedGroup {
    private JoinedGroup() {
    }

    /** The user's admin status with the group's policies added to its own; NOT_ADMIN when bounded. */
    static AdminStatus adminAfterJoining(Actor user, Group g, TechniqueContext ctx, String how) {
        if (!(user.principal() instanceof User u) || !Own.unbounded(u)) {
            return AdminStatus.NOT_ADMIN;
        }
        List<AttachedPolicy> groupPolicies = ctx.inventory().policiesOf(g);
        AdminStatus held = ctx.adminWith(user, groupPolicies, how);
        if (held.admin()) {
            return held;
        }
        PolicySet own = user.callerSet();
        PolicySet set = PolicySet.builder().identity(own.identity()).identity(groupPolicies).boundary(own.boundary())
                .scps(own.scps()).build();
        Evidence step = selfGrant(user, u, g, set, ctx);
        return step == null ? AdminStatus.NOT_ADMIN : new AdminStatus(true, step.condition(), how, List.of(step));
    }

    /** One self grant to try: the action on the resource, in a context. */
    private record Move(String action, String resource, RequestContext context) {
    }

    /** The first one-step self grant the set allows (a definite one preferred), or null. */
    private static Evidence selfGrant(Actor user, User u, Group joined, PolicySet set, TechniqueContext ctx) {
        var checker = ctx.checker();
        RequestContext adminPolicy = SelfGrant.contextFor(user, ctx, "iam:AttachUserPolicy");
        RequestContext plain = checker.contextOf(user);
        List<Move> moves = new ArrayList<>();
        moves.add(new Move("iam:AttachUserPolicy", u.arn(), adminPolicy));
        moves.add(new Move("iam:PutUserPolicy", u.arn(), plain));
        List<Group> groups = new ArrayList<>(ctx.inventory().index().groupsOf(u));
        groups.add(joined);
        for (Group g : groups) {
            moves.add(new Move("iam:AttachGroupPolicy", g.arn(), adminPolicy));
            moves.add(new Move("iam:PutGroupPolicy", g.arn(), plain));
        }
        List<String> held = new ArrayList<>(u.attachedPolicyArns());
        groups.forEach(g -> held.addAll(g.attachedPolicyArns()));
        for (String arn : held) {
            ManagedPolicy m = ctx.inventory().managedPolicy(arn);
            if (m != null && !m.isAwsManaged()) {
                moves.add(new Move("iam:CreatePolicyVersion", arn, plain));
            }
        }
        Evidence conditional = null;
        for (Move m : moves) {
            if (!checker.mayAllow(set, m.action())) {
                continue;
            }
            Evidence e = checker.checkWith(user, set, m.action(), m.resource(), m.context());
            if (e.allows() && e.condition() == Constraint.TRUE) {
                return e;
            }
            if (e.allows() && conditional == null) {
                conditional = e;
            }
        }
        return conditional;
    }
}
