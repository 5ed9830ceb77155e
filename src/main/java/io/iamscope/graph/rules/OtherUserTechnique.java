package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import io.iamscope.access.Targets;
import io.iamscope.model.User;
import java.util.function.Consumer;

/**
 * The shape shared by "obtain another user's credentials": one IAM action on the other user of the
 * attacker's account (IAM has no resource policies, so only same-account users are candidates).
 */
abstract class OtherUserTechnique implements Technique {
    abstract String action();

    /**
     * Further checks on the user once the action is allowed on it, their evidence added to {@code steps}; false
     * when the technique does not apply to it. None by default.
     */
    boolean more(Actor a, User u, TechniqueContext ctx, Steps steps) {
        return true;
    }

    /** The candidate users of the attacker's account, admins first. */
    Targets<User> targets(Actor a, TechniqueContext ctx) {
        return ctx.usersAdminFirst(a.account());
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        if (!ctx.checker().mayMatchAnyUnder(a, action(), "arn:aws:iam::" + a.account() + ":user/")) {
            return; // no Allow pattern of the actor reaches this kind of target in its account
        }
        ctx.checker().forEachAllowed(a, action(), targets(a, ctx), (u, e) -> {
            if (u.arn().equals(a.arn())) {
                return true;
            }
            Steps s = new Steps();
            s.allow(e);
            if (!more(a, u, ctx, s)) {
                return true;
            }
            out.accept(s.to(info().id(), u.arn(), false));
            return !ctx.admin(u.arn()); // an admin user reaches every other user through the account node
        });
    }
}
