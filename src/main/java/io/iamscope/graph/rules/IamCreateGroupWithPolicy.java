package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * iam:CreateGroup, iam:AttachGroupPolicy ({@code iam:PolicyARN} = AdministratorAccess) or iam:PutGroupPolicy on
 * the new group, then iam:AddUserToGroup into it (authorized on the group: Service Authorization Reference, IAM)
 * of a user the attacker holds: its own user when no permissions boundary caps it, else a new user
 * (iam:CreateUser without a required boundary, as {@code iam-create-user-with-policy}) whose access key or console
 * password it creates. A SELF use: the attacker controls an administrator of its account. The group's and the user's
 * names are the attacker's ({@link NewNames}).
 */
final class IamCreateGroupWithPolicy implements Technique {
    private static final String CREATE = "iam:CreateGroup";
    private static final String ADD = "iam:AddUserToGroup";
    private static final List<String> GRANTS = List.of("iam:AttachGroupPolicy", "iam:PutGroupPolicy");
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-create-group-with-policy",
            "iam:CreateGroup + a policy + iam:AddUserToGroup",
            "create a group, attach AdministratorAccess or put an inline policy on it, and add its own user (or a new"
                    + " user whose credentials it creates) to it",
            List.of(CREATE, ADD), TargetKind.SELF, "admin-equivalent (a group of its own)", List.of(Refs.COMPOSED));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        AccessChecker c = ctx.checker();
        List<String> grants = GRANTS.stream().filter(g -> c.mentions(a, g)).toList();
        if (grants.isEmpty()) {
            return;
        }
        Steps steps = new Steps();
        boolean found = Alternatives.first(groups(a, ctx), steps, (group, s) -> s.allow(c.check(a, CREATE, group))
                && grants.stream().anyMatch(g -> s.allow(SelfGrant.check(a, ctx, g, group)))
                && s.allow(c.check(a, ADD, group)) && member(a, ctx, s));
        if (found) {
            out.accept(steps.to(INFO.id(), a.arn(), true));
        }
    }

    /** A user the attacker holds to put in the group: itself, unbounded, or a new user it has credentials for. */
    private static boolean member(Actor a, TechniqueContext ctx, Steps s) {
        if (a.principal() instanceof User u && Own.unbounded(u)) {
            return true;
        }
        AccessChecker c = ctx.checker();
        if (!c.mentions(a, "iam:CreateUser")) {
            return false;
        }
        List<String> users = NewNames.candidates(a, ctx, "user/",
                List.of("iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile"));
        return Alternatives.first(users, s, (user, t) -> t.allow(c.check(a, "iam:CreateUser", user))
                && IamCreateUserWithPolicy.accessKeyOrPassword(a, c, user, t));
    }

    /** The ARNs worth trying for the new group. */
    private static List<String> groups(Actor a, TechniqueContext ctx) {
        List<String> actions = new ArrayList<>(List.of(CREATE, ADD));
        actions.addAll(GRANTS);
        return NewNames.candidates(a, ctx, "group/", actions);
    }
}
