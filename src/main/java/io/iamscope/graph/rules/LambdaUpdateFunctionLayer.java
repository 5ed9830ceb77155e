package io.iamscope.graph.rules;

import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.Resource;
import java.util.List;

/**
 * lambda:UpdateFunctionConfiguration on an existing function with a role, adding a layer of the attacker's (with,
 * in the same request, {@code AWS_LAMBDA_EXEC_WRAPPER} pointing at a script in it, or a library the function
 * imports): the next invocation runs the attacker's code with the function's role. The layer must be one the
 * attacker may use and controls ({@link AttackerLayer}). UpdateFunctionConfiguration is authorized on the function (Service
 * Authorization Reference, AWS Lambda: resource type {@code function}); its keys {@code lambda:Layer},
 * {@code lambda:VpcIds}, {@code lambda:SubnetIds} and {@code lambda:SecurityGroupIds} are the attacker's to
 * choose: declared unknown. A function's own policy can grant the update. Container-image functions take no layers.
 * Like lambda-update-function-code, the technique waits for an invocation rather than requiring the right to invoke.
 */
final class LambdaUpdateFunctionLayer extends ResourceRoleTechnique {
    static final List<String> CHOSEN = List.of("lambda:Layer", "lambda:VpcIds", "lambda:SubnetIds",
            "lambda:SecurityGroupIds");
    private static final TechniqueInfo INFO = new TechniqueInfo("lambda-update-function-configuration-layer",
            "lambda:UpdateFunctionConfiguration adding a layer to a function with a role",
            "add a layer of the attacker's to an existing function that runs with a role; its next invocation runs"
                    + " the layer's code with the role",
            List.of(LambdaFunctions.UPDATE_CONFIGURATION, LambdaFunctions.GET_LAYER), TargetKind.ROLE,
            "the permissions of the function's role", List.of(Refs.RHINO));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    boolean further(Actor a, TechniqueContext ctx, Resource function, Steps steps) {
        List<Evidence> layer = AttackerLayer.usable(a, ctx, function);
        if (layer == null) {
            return false;
        }
        layer.forEach(steps::allow);
        return true;
    }

    @Override
    List<String> actions() {
        return List.of(LambdaFunctions.UPDATE_CONFIGURATION);
    }

    @Override
    List<String> chosenKeys(String action) {
        return CHOSEN;
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return ctx.inventory().withRole(LambdaFunctions.TYPE).stream().filter(LambdaFunctions::takesLayers).toList();
    }
}
