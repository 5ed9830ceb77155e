package io.iamscope.graph.rules;

import io.iamscope.graph.Actor;
import io.iamscope.graph.AdminStatus;
import io.iamscope.model.Principal;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import java.util.function.Consumer;

/**
 * The shape of the four permissions-boundary techniques: a user or role that holds a boundary and may delete or
 * replace it on itself. Reported only when its own policies, without the boundary, are admin-equivalent (what
 * the boundary was holding back). Each technique says which principals it applies to and the one action to
 * check.
 */
abstract class OwnBoundaryTechnique implements Technique {
    /** The action, checked on the actor's own ARN. */
    abstract String action();

    /** Whether the technique is about roles (else users). */
    abstract boolean forRoles();

    /**
     * Whether the check passes {@code iam:PermissionsBoundary}: replacing a boundary names the new one, which
     * the attacker picks as a policy allowing everything.
     */
    abstract boolean replaces();

    @Override
    public final void find(Actor attacker, RuleContext ctx, Consumer<Escalation> out) {
        Principal p = attacker.principal();
        boolean kind = forRoles() ? p instanceof Role : p instanceof User;
        if (!kind || Own.boundary(p) == null) {
            return;
        }
        Steps s = new Steps();
        boolean allowed = replaces()
                ? s.allow(ctx.checker().check(attacker, action(), attacker.arn(), "iam:PermissionsBoundary",
                        SelfGrant.ADMIN_POLICY))
                : s.allow(ctx.checker().check(attacker, action(), attacker.arn()));
        if (!allowed) {
            return;
        }
        String id = info().id();
        AdminStatus without = ctx.adminWithoutBoundary(attacker, id);
        if (without.admin()) {
            without.evidence().forEach(s::allow);
            out.accept(s.to(id, attacker.arn(), true));
        }
    }
}
