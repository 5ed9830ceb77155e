package io.iamscope.graph.rules;

import io.iamscope.graph.Actor;
import io.iamscope.graph.Evidence;
import io.iamscope.graph.Targets;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Targets<Resource> targets = ctx.targets("resources of " + info().id(),
                () -> resources(ctx).stream().filter(r -> !rolesOf(r, ctx).isEmpty()).toList(), Resource::arn);
        // Every action must be allowed on the resource: the resources allowed the first, narrowed by the others.
        Map<String, Steps> allowed = new LinkedHashMap<>();
        Map<String, Resource> byArn = new HashMap<>();
        for (int k = 0; k < actions().size(); k++) {
            boolean first = k == 0;
            Map<String, Evidence> now = new HashMap<>();
            ctx.checker().forEachAllowed(a, actions().get(k), targets, (r, e) -> {
                if (first) {
                    allowed.put(r.arn(), new Steps());
                    byArn.put(r.arn(), r);
                }
                now.put(r.arn(), e);
                return true;
            });
            allowed.keySet().retainAll(now.keySet());
            allowed.forEach((arn, s) -> s.allow(now.get(arn)));
            if (allowed.isEmpty()) {
                return;
            }
        }
        for (var entry : allowed.entrySet()) {
            boolean admin = false;
            for (Role role : rolesOf(byArn.get(entry.getKey()), ctx)) {
                if (!role.arn().equals(a.arn())) {
                    out.accept(entry.getValue().to(info().id(), role.arn(), false));
                    admin |= ctx.admin(role.arn());
                }
            }
            if (admin) {
                return; // the admin reaches every other role through the account node
            }
        }
    }
}
