package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import io.iamscope.model.Group;
import io.iamscope.model.Principal;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import java.util.List;

/** Facts about the attacker itself shared by the self-grant techniques. */
final class Own {
    private Own() {
    }

    static List<Group> groups(Actor a, TechniqueContext ctx) {
        return a.principal() instanceof User u ? ctx.inventory().index().groupsOf(u) : List.of();
    }

    /**
     * Whether a policy the attacker writes onto itself takes full effect: not with a permissions boundary
     * (the boundary caps identity policies; IAM User Guide: "Permissions boundaries for IAM entities").
     */
    static boolean unbounded(Principal p) {
        return p instanceof User u ? u.boundaryArn() == null : p instanceof Role r && r.boundaryArn() == null;
    }

    static String boundary(Principal p) {
        return p instanceof User u ? u.boundaryArn() : p instanceof Role r ? r.boundaryArn() : null;
    }

    /** Roles the attacker can assume whose policies it could then rewrite with full effect. */
    static List<Role> reachableUnboundedRoles(Actor a, TechniqueContext ctx) {
        return ctx.assumable(a).stream().filter(Own::writable).toList();
    }

    /**
     * Whether a policy written onto the role takes full effect: no boundary caps it, and a service-linked role's
     * policies are AWS's to change.
     */
    static boolean writable(Role r) {
        return r.boundaryArn() == null && !r.serviceLinked();
    }
}
