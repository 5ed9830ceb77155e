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
import io.iamscope.access.Targets;
import io.iamscope.model.Group;
import io.iamscope.model.User;
import java.util.List;
import java.util.function.Consumer;

/**
 * iam:AddUserToGroup: add itself to a group whose policies make it admin-equivalent. A group that would only
 * add some permissions is not reported (group nodes hold no permissions of their own in the graph).
 */
final class IamAddUserToGroup implements Technique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-add-user-to-group",
            "iam:AddUserToGroup into a powerful group", "add its own user to a group whose policies are admin-equivalent",
            List.of("iam:AddUserToGroup"), TargetKind.GROUP, "the group's permissions (admin-equivalent)",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor attacker, TechniqueContext ctx, Consumer<Escalation> out) {
        if (!(attacker.principal() instanceof User u)) {
            return;
        }
        Targets<Group> groups = ctx.targets("groups " + attacker.account(), () -> ctx.inventory().groups().stream()
                .filter(g -> g.accountId().equals(attacker.account())).toList(), Group::arn);
        ctx.checker().forEachAllowed(attacker, "iam:AddUserToGroup", groups, (g, e) -> {
            if (!u.groupNames().contains(g.name()) && mayMakeAdmin(attacker, g, ctx)) {
                AdminStatus with = ctx.adminWith(attacker, ctx.inventory().policiesOf(g), INFO.id());
                if (with.admin()) {
                    Steps s = new Steps();
                    s.allow(e);
                    with.evidence().forEach(s::allow);
                    Escalation found = s.to(INFO.id(), g.arn(), true);
                    out.accept(found);
                    // Once definitely admin-equivalent, the account node reaches the rest: other groups add nothing.
                    return found.evidence().stream().anyMatch(x -> x.conditional());
                }
            }
            return true;
        });
    }

    /** Cheap pre-check: every admin action is named by an Allow of the group or of the attacker. */
    private static boolean mayMakeAdmin(Actor a, Group g, TechniqueContext ctx) {
        for (String action : AdminCheck.ACTIONS) {
            if (!ctx.groupMentions(g, action) && !ctx.checker().mentions(a, action)) {
                return false;
            }
        }
        return true;
    }
}
