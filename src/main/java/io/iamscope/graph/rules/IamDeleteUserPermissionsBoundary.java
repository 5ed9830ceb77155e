package io.iamscope.graph.rules;

import io.iamscope.graph.Actor;
import io.iamscope.graph.AdminStatus;
import io.iamscope.model.User;
import java.util.List;
import java.util.function.Consumer;

/**
 * iam:DeleteUserPermissionsBoundary on itself: remove the permissions boundary of its own user, whose policies then take full effect. Reported only when the principal's own policies, without the boundary,
 * are admin-equivalent (what the boundary was holding back).
 */
final class IamDeleteUserPermissionsBoundary implements Technique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-delete-user-permissions-boundary", "iam:DeleteUserPermissionsBoundary on itself",
            "remove the permissions boundary of its own user, whose policies then take full effect", List.of("iam:DeleteUserPermissionsBoundary"), TargetKind.SELF, "its own policies without a boundary (admin-equivalent)",
            List.of(Refs.BISHOPFOX, Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor attacker, RuleContext ctx, Consumer<Escalation> out) {
        if (!(attacker.principal() instanceof User) || Own.boundary(attacker.principal()) == null) {
            return;
        }
        Steps s = new Steps();
        if (!s.allow(ctx.checker().check(attacker, "iam:DeleteUserPermissionsBoundary", attacker.arn()))) {
            return;
        }
        AdminStatus without = ctx.adminWithoutBoundary(attacker, INFO.id());
        if (without.admin()) {
            without.evidence().forEach(s::allow);
            out.accept(s.to(INFO.id(), attacker.arn(), true));
        }
    }
}
