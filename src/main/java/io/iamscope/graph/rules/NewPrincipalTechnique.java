package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import io.iamscope.access.AccessChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The shape shared by "create a new principal, make it an administrator, then act as it": the attacker
 * creates a user or role (named as its Allows for the create and grant actions permit: {@link NewNames}), writes
 * a policy onto it (attaching AdministratorAccess, checked with {@code iam:PolicyARN}, or an inline policy) and
 * obtains its credentials. The new principal has no permissions boundary: where the create action is allowed only with
 * one ({@code iam:PermissionsBoundary} conditions, a common guardrail), the key is absent from the check and
 * the technique is not reported, since the attacker's principal would then be bounded. It is a SELF use:
 * the attacker controls a new administrator of its account.
 */
abstract class NewPrincipalTechnique implements Technique {
    private final TechniqueInfo info;
    private final String kind;
    private final List<String> grants;

    /**
     * @param kind   {@code user/} or {@code role/}
     * @param grants the attach and put actions, either of which writes the policy
     */
    NewPrincipalTechnique(TechniqueInfo info, String kind, List<String> grants) {
        this.info = info;
        this.kind = kind;
        this.grants = grants;
    }

    @Override
    public TechniqueInfo info() {
        return info;
    }

    /** The create action ({@code iam:CreateUser}): the technique's one required action. */
    private String create() {
        return info.requiredActions().get(0);
    }

    /** The last step, which gives the attacker the new principal's credentials, on its ARN. */
    abstract boolean credentials(Actor a, AccessChecker c, String arn, Steps s);

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        AccessChecker c = ctx.checker();
        List<String> actions = new ArrayList<>(List.of(create()));
        actions.addAll(grants);
        Steps steps = new Steps();
        boolean found = Alternatives.first(NewNames.candidates(a, ctx, kind, actions), steps, (arn, s) ->
                s.allow(c.check(a, create(), arn))
                        && grants.stream().anyMatch(g -> c.mentions(a, g) && s.allow(SelfGrant.check(a, ctx, g, arn)))
                        && credentials(a, c, arn, s));
        if (found) {
            out.accept(steps.to(info().id(), a.arn(), true));
        }
    }
}
