package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import io.iamscope.access.AdminStatus;
import io.iamscope.model.Principal;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import java.util.function.Consumer;

/**
 * The shape of the four permissions-boundary techniques: a user or role that holds a boundary and may delete or
 * replace it on itself. Reported only when its own policies, without the boundary, are admin-equivalent (what
 * the boundary was holding back). Each technique gives its metadata (whose one required action is checked),
 * whether it is about roles, and whether it replaces the boundary.
 */
abstract class OwnBoundaryTechnique implements Technique {
    private final TechniqueInfo info;
    private final boolean forRoles;
    private final boolean replaces;

    /**
     * @param forRoles whether the technique is about roles (else users)
     * @param replaces whether the check passes {@code iam:PermissionsBoundary}: replacing a boundary names the
     *                 new one, which the attacker picks as a policy allowing everything
     */
    OwnBoundaryTechnique(TechniqueInfo info, boolean forRoles, boolean replaces) {
        this.info = info;
        this.forRoles = forRoles;
        this.replaces = replaces;
    }

    @Override
    public final TechniqueInfo info() {
        return info;
    }

    @Override
    public final void find(Actor attacker, TechniqueContext ctx, Consumer<Escalation> out) {
        Principal p = attacker.principal();
        boolean kind = forRoles ? p instanceof Role : p instanceof User;
        if (!kind || Own.boundary(p) == null) {
            return;
        }
        // The action, checked on the actor's own ARN: the technique's one required action.
        String action = info.requiredActions().get(0);
        Steps s = new Steps();
        boolean allowed = replaces
                ? s.allow(ctx.checker().check(attacker, action, attacker.arn(), "iam:PermissionsBoundary",
                        SelfGrant.ADMIN_POLICY))
                : s.allow(ctx.checker().check(attacker, action, attacker.arn()));
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
