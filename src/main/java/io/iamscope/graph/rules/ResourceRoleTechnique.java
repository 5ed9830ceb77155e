package io.iamscope.graph.rules;

import io.iamscope.graph.Actor;
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
    abstract List<Resource> resources(RuleContext ctx);

    static List<Role> rolesOf(Resource r, RuleContext ctx) {
        if (r.roleArn() != null) {
            Role role = ctx.inventory().role(r.roleArn());
            return role == null ? List.of() : List.of(role);
        }
        return r.instanceProfileArn() == null ? List.of() : ctx.inventory().rolesOfProfile(r.instanceProfileArn());
    }

    @Override
    public void find(Actor a, RuleContext ctx, Consumer<Escalation> out) {
        for (Resource r : resources(ctx)) {
            List<Role> roles = rolesOf(r, ctx);
            if (roles.isEmpty() || !actions().stream().allMatch(x -> ctx.checker().mayMatch(a, x, r.arn()))) {
                continue;
            }
            Steps s = new Steps();
            boolean ok = true;
            for (String action : actions()) {
                if (!s.allow(ctx.checker().check(a, action, r.arn()))) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                boolean admin = false;
                for (Role role : roles) {
                    if (!role.arn().equals(a.arn())) {
                        out.accept(s.to(info().id(), role.arn(), false));
                        admin |= ctx.admin(role.arn());
                    }
                }
                if (admin) {
                    return; // the admin reaches every other role through the account node
                }
            }
        }
    }
}
