package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import io.iamscope.access.AccessChecker;
import io.iamscope.access.Evidence;
import io.iamscope.model.Role;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * The shape shared by "pass a role to a service that then runs the attacker's code with it": the other
 * required actions are checked once on {@code *} (they create or start something new), then, for each role of
 * the attacker's account that trusts the service, the service must be able to assume it (its trust policy,
 * evaluated for a service caller) and {@code iam:PassRole} must be allowed on it with
 * {@code iam:PassedToService} set to the service (IAM User Guide: "Granting a user permissions to pass a role
 * to an AWS service").
 */
abstract class PassRoleTechnique implements Technique {
    /** The service principal the role is passed to. */
    abstract String service();

    /** The required actions besides iam:PassRole, each checked on {@code *}. */
    abstract List<String> actions();

    /** Alternatives of which one must be allowed too (empty when none). */
    List<String> anyOf() {
        return List.of();
    }

    /**
     * Whether AWS documents the value {@code iam:PassedToService} takes when the role is passed: the service
     * principal. Where it does not, the key is unknown ({@link AccessChecker#forEachPassableToUndocumented}).
     */
    boolean passedToServiceDocumented() {
        return true;
    }

    /**
     * A further step on an existing resource the attacker must be allowed to act on (an ECS service to update, a
     * service-linked role the service needs), its evidence added to {@code steps}; none by default.
     */
    boolean onExisting(Actor a, TechniqueContext ctx, Steps steps) {
        return true;
    }

    /**
     * How one of {@link #actions()} is checked: on a new resource of the attacker's choosing, in the attacker's
     * context; a technique whose request carries keys of its own (a launch template's ARN, a value the attacker
     * picks) checks it in a context with them.
     */
    Evidence checkAction(Actor a, TechniqueContext ctx, String action) {
        return ctx.checker().checkNew(a, action);
    }

    /**
     * Whether one of {@link #actions()} names the passed role in its request (a key AWS sets to the role or its
     * instance profile): then it is not checked before the roles but with each ({@link #prepare}).
     */
    boolean perRole(String action) {
        return false;
    }

    /**
     * Steps that depend on the role passed (a request key AWS sets to the role or its instance profile), after the
     * service's trust and iam:PassRole were checked on it; none by default.
     */
    boolean forRole(Actor a, TechniqueContext ctx, Role role, Steps steps) {
        return true;
    }

    /** Whether only roles in an instance profile can be passed (to an EC2 instance). */
    boolean instanceProfilesOnly() {
        return false;
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        AccessChecker c = ctx.checker();
        Steps steps = new Steps();
        for (String action : actions()) {
            if (!perRole(action) && !steps.allow(checkAction(a, ctx, action))) {
                return;
            }
        }
        if (!anyOf().isEmpty()
                && !anyOf().stream().anyMatch(x -> c.mentions(a, x) && steps.allow(checkAction(a, ctx, x)))) {
            return;
        }
        BiPredicate<Role, Steps> withRole = prepare(a, ctx, steps);
        if (withRole != null) {
            eachPassedRole(a, ctx, steps, withRole, out);
        }
    }

    /**
     * The steps before the roles ({@link #onExisting}), and the steps each role then takes ({@link #forRole}); null
     * when the technique cannot succeed whatever the role. A technique that learns something before the roles that
     * spares checks per role returns a function that uses it.
     */
    BiPredicate<Role, Steps> prepare(Actor a, TechniqueContext ctx, Steps steps) {
        return onExisting(a, ctx, steps) ? (r, s) -> forRole(a, ctx, r, s) : null;
    }

    /**
     * Reports each role of the attacker's account that trusts the service, that the service may assume and that
     * the attacker may pass to it, and for which {@code more} succeeds (its steps continue a copy of
     * {@code steps}); stops at an admin role (it reaches every other role through the account node).
     */
    void eachPassedRole(Actor a, TechniqueContext ctx, Steps steps, BiPredicate<Role, Steps> more,
                        Consumer<Escalation> out) {
        AccessChecker c = ctx.checker();
        if (!c.mayMatchAnyUnder(a, "iam:PassRole", "arn:aws:iam::")) {
            return; // no PassRole pattern of the actor reaches any role
        }
        BiPredicate<Role, Evidence> visit = (r, passed) -> {
            if (r.arn().equals(a.arn())) {
                return true;
            }
            Steps s = steps.fork();
            if (s.allow(c.serviceAssume(service(), r)) && s.allow(passed) && more.test(r, s)) {
                out.accept(s.to(info().id(), r.arn(), false));
                return !ctx.admin(r.arn());
            }
            return true;
        };
        var roles = ctx.serviceRoles(a, service(), instanceProfilesOnly());
        if (passedToServiceDocumented()) {
            c.forEachPassable(a, service(), roles, visit);
        } else {
            c.forEachPassableToUndocumented(a, roles, visit);
        }
    }
}
