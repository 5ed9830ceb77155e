package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import io.iamscope.access.Targets;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import java.util.List;
import java.util.function.Consumer;

/**
 * The shape shared by "run code inside an existing resource that runs with a role": one or more actions on
 * the resource (a Lambda function, a Glue dev endpoint, an EC2 instance) of the snapshot, which then leads to
 * the resource's role (its {@code roleArn}, or the roles of its instance profile).
 */
abstract class ResourceRoleTechnique implements Technique {
    /** The actions required on the resource, all of them. */
    abstract List<String> actions();

    /** The candidate resources. */
    abstract List<Resource> resources(TechniqueContext ctx);

    /**
     * Request keys of an action that the attacker picks (a template URL, a layer ARN): declared unknown, so a
     * policy testing one makes the edge conditional instead of deciding it as if the key were absent; none by
     * default.
     */
    List<String> chosenKeys(String action) {
        return List.of();
    }

    /**
     * Actions on something new the attacker creates and names (a lifecycle configuration), checked once before
     * the resources ({@link io.iamscope.access.AccessChecker#checkNew}); none by default.
     */
    List<String> newActions() {
        return List.of();
    }

    /** An action that must also be allowed on another ARN than the resource's own. */
    record ActionOn(String action, String resource) {
    }

    /**
     * Further checks on other ARNs a request names besides the resource (ecs:ExecuteCommand is authorized on the
     * task and on its cluster); none by default.
     */
    List<ActionOn> alsoOn(Resource r) {
        return List.of();
    }

    static List<Role> rolesOf(Resource r, TechniqueContext ctx) {
        if (r.roleArn() != null) {
            Role role = ctx.inventory().role(r.roleArn());
            return role == null ? List.of() : List.of(role);
        }
        return r.instanceProfileArn() == null ? List.of() : ctx.inventory().rolesOfProfile(r.instanceProfileArn());
    }

    /**
     * Further steps a resource needs besides its actions (a layer of the attacker's for a function), added to
     * {@code steps}; false when they are not allowed. None by default.
     */
    boolean further(Actor a, TechniqueContext ctx, Resource r, Steps steps) {
        return true;
    }

    /** The resources may have policies of their own (a Lambda function's) granting the actions. */
    @Override
    public boolean grantableByResourcePolicy() {
        return true;
    }

    /** The candidate resources with a role, as a target list shared by every attacker. */
    Targets<Resource> targets(TechniqueContext ctx) {
        return ctx.targets("resources of " + info().id(),
                () -> resources(ctx).stream().filter(r -> !rolesOf(r, ctx).isEmpty()).toList(), Resource::arn);
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        Steps before = new Steps();
        for (String action : newActions()) {
            if (!before.allow(ctx.checker().checkNew(a, action))) {
                return;
            }
        }
        String first = actions().get(0);
        // The resources the first action is allowed on, in order; each must allow the other actions too.
        ctx.checker().forEachAllowed(a, first, targets(ctx), ctx.checker().choosing(a, chosenKeys(first)), (r, e) -> {
            Steps s = before.fork();
            s.allow(e);
            return !(rest(a, a, ctx, r, s) && further(a, ctx, r, s) && report(a, ctx, r, s, info().id(), out));
        });
    }

    /**
     * The checks after the first action: the other actions on the resource, as {@code onIt}, and the checks on
     * other ARNs, as {@code elsewhere} (the same attacker, or the one that did not change the tags of those);
     * their evidence added to {@code s}. False when one is refused.
     */
    boolean rest(Actor onIt, Actor elsewhere, TechniqueContext ctx, Resource r, Steps s) {
        for (String action : actions().subList(1, actions().size())) {
            if (!s.allow(ctx.checker().check(onIt, action, r.arn(), chosenKeys(action)))) {
                return false;
            }
        }
        for (ActionOn also : alsoOn(r)) {
            if (!s.allow(ctx.checker().check(elsewhere, also.action(), also.resource(), chosenKeys(also.action())))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reports an edge, under technique {@code id}, to each role of the resource but the attacker itself; true
     * when one of them is an admin (which reaches every other role through the account node: the caller stops).
     */
    static boolean report(Actor a, TechniqueContext ctx, Resource r, Steps s, String id, Consumer<Escalation> out) {
        boolean admin = false;
        for (Role role : rolesOf(r, ctx)) {
            if (!role.arn().equals(a.arn())) {
                out.accept(s.to(id, role.arn(), false));
                admin |= ctx.admin(role.arn());
            }
        }
        return admin;
    }
}
