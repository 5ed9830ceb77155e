package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.access.Targets;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.Resource;
import java.util.List;

/**
 * iam:PassRole + lambda:UpdateFunctionConfiguration on an existing function, switching its execution role to one that
 * trusts Lambda, and code of the attacker's in it: lambda:UpdateFunctionCode on the same function, or (a .zip
 * function) a layer of the attacker's added by the same configuration update (lambda:GetLayerVersion on it, see
 * {@link LambdaUpdateFunctionLayer}). The next invocation runs that code with the passed role. Setting a role passes
 * it (IAM User Guide, "Grant a user permissions to pass a role to an AWS service"; {@code iam:PassedToService} =
 * {@code lambda.amazonaws.com}). Both updates are authorized on the function (Service Authorization Reference, AWS
 * Lambda: resource type {@code function}); a function's own policy can grant them. Of the functions that allow the
 * updates, a definite one is the evidence, else the first conditional one. No function in the account, no edge.
 */
final class LambdaUpdateFunctionRole extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("lambda-update-function-configuration-role",
            "iam:PassRole + lambda:UpdateFunctionConfiguration (new role) + new code on an existing function",
            "switch an existing function's execution role to a more privileged role that trusts Lambda and replace"
                    + " its code (or add a layer): its next invocation runs the attacker's code with the role",
            List.of("iam:PassRole", LambdaFunctions.UPDATE_CONFIGURATION), TargetKind.ROLE,
            "the permissions of the passed role", List.of(Refs.PMAPPER, Refs.RHINO));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String service() {
        return "lambda.amazonaws.com";
    }

    @Override
    List<String> actions() {
        return List.of();
    }

    /** A function's policy can grant the updates (not iam:PassRole, which only identity policies grant). */
    @Override
    public boolean grantableByResourcePolicy() {
        return true;
    }

    @Override
    boolean onExisting(Actor a, TechniqueContext ctx, Steps steps) {
        List<Resource> functions = ctx.inventory().ofType(a.account(), LambdaFunctions.TYPE);
        if (functions.isEmpty()) {
            return false;
        }
        AccessChecker c = ctx.checker();
        Targets<Resource> targets = ctx.targets("lambda functions " + a.account(), () -> functions, Resource::arn);
        Steps[] found = new Steps[1];
        c.forEachAllowed(a, LambdaFunctions.UPDATE_CONFIGURATION, targets,
                c.choosing(a, LambdaUpdateFunctionLayer.CHOSEN), (fn, update) -> {
                    Steps s = new Steps();
                    s.allow(update);
                    if (!code(a, ctx, fn, s)) {
                        return true;
                    }
                    if (found[0] == null || (conditional(found[0]) && !conditional(s))) {
                        found[0] = s;
                    }
                    return conditional(found[0]); // a definite one ends the search
                });
        if (found[0] == null) {
            return false;
        }
        found[0].evidence().forEach(steps::allow);
        return true;
    }

    /** New code in the function: its code replaced, else (a .zip function) a layer of the attacker's. */
    private static boolean code(Actor a, TechniqueContext ctx, Resource fn, Steps s) {
        Evidence replace = ctx.checker().check(a, LambdaFunctions.UPDATE_CODE, fn.arn());
        if (replace.allows() && !replace.conditional() || !LambdaFunctions.takesLayers(fn)) {
            return s.allow(replace);
        }
        List<Evidence> layer = AttackerLayer.usable(a, ctx, fn);
        if (layer != null && (layer.stream().noneMatch(Evidence::conditional) || !replace.allows())) {
            layer.forEach(s::allow);
            return true;
        }
        return s.allow(replace);
    }

    private static boolean conditional(Steps s) {
        return s.evidence().stream().anyMatch(Evidence::conditional);
    }
}
