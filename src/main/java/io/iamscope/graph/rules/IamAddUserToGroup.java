package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import io.iamscope.access.AdminCheck;
import io.iamscope.access.AdminStatus;
import io.iamscope.access.Evidence;
import io.iamscope.access.Targets;
import io.iamscope.model.Group;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.User;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;
import java.util.function.Consumer;

/**
 * iam:AddUserToGroup: add itself, or another user whose credentials it can obtain, to a group whose policies make
 * that user admin-equivalent by the rule used everywhere else ({@link JoinedGroup}: the admin check, or a
 * one-step self grant the group's policies allow, as {@code iam:*} on {@code *} does). A group that would only
 * add some permissions is not reported (group nodes hold no permissions of their own in the graph).
 */
final class IamAddUserToGroup implements Technique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-add-user-to-group",
            "iam:AddUserToGroup into a powerful group",
            "add its own user, or a user whose credentials it can obtain, to a group whose policies make it"
                    + " admin-equivalent",
            List.of("iam:AddUserToGroup"), TargetKind.GROUP, "the group's permissions (admin-equivalent)",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor attacker, TechniqueContext ctx, Consumer<Escalation> out) {
        boolean self = attacker.principal() instanceof User;
        boolean others = Credentials.mayObtainAny(attacker, ctx);
        if (!self && !others) {
            return;
        }
        Targets<Group> groups = ctx.targets("groups " + attacker.account(), () -> ctx.inventory().groups().stream()
                .filter(g -> g.accountId().equals(attacker.account())).toList(), Group::arn);
        ctx.checker().forEachAllowed(attacker, "iam:AddUserToGroup", groups, (g, added) -> {
            if (!mayMakeAdmin(attacker, g, ctx)) {
                return true;
            }
            if (self && !((User) attacker.principal()).groupNames().contains(g.name())) {
                AdminStatus with = JoinedGroup.adminAfterJoining(attacker, g, ctx, INFO.id());
                if (with.admin()) {
                    Steps s = new Steps();
                    s.allow(added);
                    with.evidence().forEach(s::allow);
                    Escalation found = s.to(INFO.id(), g.arn(), true);
                    out.accept(found);
                    // Once definitely admin-equivalent, the account node reaches the rest: other groups add nothing.
                    return found.evidence().stream().anyMatch(Evidence::conditional);
                }
            }
            return !others || otherUser(attacker, g, added, ctx, out);
        });
    }

    /**
     * Another user of the account the attacker can obtain the credentials of, made admin-equivalent by the group
     * (checklist row 70: a user reached through a path): the first such user stands for the others. Whether to
     * go on with other groups.
     */
    private static boolean otherUser(Actor attacker, Group g, Evidence added, TechniqueContext ctx,
                                     Consumer<Escalation> out) {
        Credentials.Obtainable obtainable = Credentials.obtainable(attacker, ctx);
        BitSet candidates = new BitSet();
        obtainable.ways().forEach(way -> {
            for (int c = 0; c < way.size(); c++) {
                candidates.or(way.positions(c));
            }
        });
        for (int p = candidates.nextSetBit(0); p >= 0; p = candidates.nextSetBit(p + 1)) {
            User u = obtainable.users().get(p);
            if (u.arn().equals(attacker.arn()) || u.groupNames().contains(g.name()) || !Own.unbounded(u)) {
                continue;
            }
            Evidence credentials = obtainable.of(u);
            // The same user is a victim of every attacker that can obtain its credentials: its actor and its
            // status in each group are made once per build (they depend on the user and the group only).
            Actor victim = ctx.perBuild("add-user-to-group victim " + u.arn(), () -> ctx.checker()
                    .actor(new PrincipalRef(PrincipalRef.Kind.USER, u, u.accountId(), null, null)));
            if (!mayMakeAdmin(victim, g, ctx)) {
                continue;
            }
            // Decided outside the build's map (a holder is stored, then filled): the decision asks the context for
            // other memos, and a map must not be updated from inside its own computeIfAbsent.
            AtomicReference<AdminStatus> joined = ctx.perBuild("add-user-to-group victim " + u.arn() + " joins "
                    + g.arn(), AtomicReference::new);
            AdminStatus with = joined.get();
            if (with == null) {
                with = JoinedGroup.adminAfterJoining(victim, g, ctx, INFO.id());
                joined.set(with);
            }
            if (with.admin()) {
                Steps s = new Steps();
                s.allow(added);
                s.allow(credentials);
                with.evidence().forEach(s::allow);
                // The first user made admin stands for the others (they all lead to the account node).
                Escalation found = s.to(INFO.id(), u.arn(), true);
                out.accept(found);
                return found.evidence().stream().anyMatch(Evidence::conditional);
            }
        }
        return true;
    }

    /**
     * Cheap pre-check: the group, or the attacker, names every action of the admin check, or the group names a
     * way to grant oneself arbitrary permissions ({@link JoinedGroup}).
     */
    private static boolean mayMakeAdmin(Actor a, Group g, TechniqueContext ctx) {
        if (SELF_GRANTS.stream().anyMatch(x -> ctx.groupMentions(g, x))) {
            return true;
        }
        for (String action : AdminCheck.ACTIONS) {
            if (!ctx.groupMentions(g, action) && !ctx.checker().mentions(a, action)) {
                return false;
            }
        }
        return true;
    }

    private static final List<String> SELF_GRANTS = List.of("iam:AttachUserPolicy", "iam:PutUserPolicy",
            "iam:AttachGroupPolicy", "iam:PutGroupPolicy", "iam:CreatePolicyVersion");
}
