package io.iamscope.graph.rules;

import io.iamscope.access.Actor;
import io.iamscope.access.AllowedClasses;
import io.iamscope.access.Evidence;
import io.iamscope.access.Targets;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.User;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How an attacker obtains another user's credentials, to act as that user after changing its permissions: a new
 * access key (IAM User Guide: "Manage access keys for IAM users"), a console password for a user without one
 * ("Manage passwords for IAM users": CreateLoginProfile) or a new password for one that has it
 * (UpdateLoginProfile). Whether the user already has a password is not in the snapshot, so either allowed
 * login-profile action counts.
 */
final class Credentials {
    static final List<String> ACTIONS = List.of("iam:CreateAccessKey", "iam:CreateLoginProfile",
            "iam:UpdateLoginProfile");

    private Credentials() {
    }

    /** Whether any identity Allow of the attacker names a way to obtain credentials. */
    static boolean mayObtainAny(Actor a, TechniqueContext ctx) {
        return ACTIONS.stream().anyMatch(x -> ctx.checker().mentions(a, x));
    }

    /**
     * The users of the attacker's account whose credentials it can obtain, per way, as classes of users over the
     * account's user list ({@link TechniqueContext#usersAdminFirst}); found once per attacker.
     */
    static Obtainable obtainable(Actor a, TechniqueContext ctx) {
        return ctx.perAttacker(a, "credentials", () -> {
            Targets<User> users = ctx.usersAdminFirst(a.account());
            List<AllowedClasses> ways = new ArrayList<>();
            String prefix = "arn:aws:iam::" + a.account() + ":user/";
            for (String action : ACTIONS) {
                if (ctx.checker().mentions(a, action) && ctx.checker().mayMatchAnyUnder(a, action, prefix)) {
                    AllowedClasses allowed = ctx.checker().allowedClasses(a, action, users, ctx.checker().contextOf(a));
                    if (!allowed.isEmpty()) {
                        ways.add(allowed);
                    }
                }
            }
            return new Obtainable(users, List.copyOf(ways));
        });
    }

    /** The check of the first way allowed on the user, a definite one preferred; null when none is. */
    static Evidence obtain(Actor a, TechniqueContext ctx, User u) {
        return obtainable(a, ctx).of(u);
    }

    /** The users whose credentials an attacker can obtain: per way, classes over the account's users. */
    record Obtainable(Targets<User> users, List<AllowedClasses> ways) {
        boolean isEmpty() {
            return ways.isEmpty();
        }

        /** The classes of users whose credentials can be obtained, of every way (shared: not to be changed). */
        List<BitSet> classes() {
            List<BitSet> out = new ArrayList<>();
            for (AllowedClasses way : ways) {
                for (int c = 0; c < way.size(); c++) {
                    out.add(way.positions(c));
                }
            }
            return out;
        }

        /** The check of the first way allowed on the user, a definite one preferred; null when none is. */
        Evidence of(User u) {
            int at = users.indexOf(u);
            if (at < 0) {
                return null;
            }
            Evidence conditional = null;
            for (AllowedClasses way : ways) {
                int c = way.classOf(at);
                if (c >= 0) {
                    Evidence e = way.evidenceFor(c, u.arn());
                    if (!e.conditional()) {
                        return e;
                    }
                    if (conditional == null) {
                        conditional = e;
                    }
                }
            }
            return conditional;
        }
    }
}
