package io.iamscope.graph.rules;

import io.iamscope.graph.Actor;
import io.iamscope.model.User;
import java.util.function.Consumer;

/**
 * The shape shared by "obtain another user's credentials": one IAM action on the other user of the
 * attacker's account (IAM has no resource policies, so only same-account users are candidates).
 */
abstract class OtherUserTechnique implements Technique {
    abstract String action();

    @Override
    public void find(Actor a, RuleContext ctx, Consumer<Escalation> out) {
        if (!ctx.checker().mayMatchAnyUnder(a, action(), "arn:aws:iam::" + a.account() + ":user/")) {
            return; // no Allow pattern of the actor reaches this kind of target in its account
        }
        for (User u : ctx.usersAdminFirst(a.account())) {
            if (u.arn().equals(a.arn()) || !ctx.checker().mayMatch(a, action(), u.arn())) {
                continue;
            }
            Steps s = new Steps();
            boolean allowed = s.allow(ctx.checker().check(a, action(), u.arn()));
            if (!allowed && ctx.checker().sameForEvery(a, action(), "arn:aws:iam::" + a.account() + ":user/")) {
                return; // refused here, so refused on every user (IAM users have no resource policies)
            }
            if (allowed) {
                out.accept(s.to(info().id(), u.arn(), false));
                if (ctx.admin(u.arn())) {
                    return; // the admin reaches every other user through the account node
                }
            }
        }
    }
}
