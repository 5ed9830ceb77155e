package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Resource;
import io.iamscope.policy.Arn;
import java.util.List;
import java.util.Optional;

/**
 * A Lambda layer of the attacker's that a function can be given: "To add layers to a function, you need
 * lambda:GetLayerVersion on the layer version" (Lambda Developer Guide, "Granting users access to a Lambda layer"),
 * and the layer must be in the function's region. Either the layer is published in an account the attacker owns
 * and shares with everyone in the layer's policy, which takes lambda:GetLayerVersion on a layer of an account outside
 * the snapshot (checked on a made-up one, {@code 000000000000}, with that policy); or the attacker publishes it in the function's account:
 * lambda:PublishLayerVersion and lambda:GetLayerVersion on a layer of its naming. A policy that allows only layers of
 * some other account (a vendor's) gives neither.
 */
final class AttackerLayer {
    static final String OUTSIDE = "000000000000";
    private static final String GET = LambdaFunctions.GET_LAYER;
    private static final String PUBLISH = "lambda:PublishLayerVersion";

    private AttackerLayer() {
    }

    /**
     * The checks that let the attacker add a layer of its own to the function, a definite way first; null if none.
     * They depend on the function's partition and region only: found once per attacker and region.
     */
    static List<Evidence> usable(Actor a, TechniqueContext ctx, Resource function) {
        Arn fn = Arn.parse(function.arn()).orElse(null);
        if (fn == null) {
            return null;
        }
        return ctx.perAttacker(a, "layer " + fn.partition() + " " + fn.region(),
                () -> Optional.ofNullable(usable(a, ctx.checker(), fn))).orElse(null);
    }

    private static List<Evidence> usable(Actor a, AccessChecker c, Arn fn) {
        Evidence outside = c.checkOnOwnResource(a, GET, new Arn(fn.partition(), "lambda", fn.region(), OUTSIDE,
                "layer:iamscope:1").toString());
        if (outside.allows() && !outside.conditional()) {
            return List.of(outside);
        }
        Evidence publish = c.checkNew(a, PUBLISH);
        Evidence get = publish.allows() ? c.checkNew(a, GET) : null;
        boolean here = get != null && get.allows();
        if (here && !publish.conditional() && !get.conditional()) {
            return List.of(publish, get);
        }
        return outside.allows() ? List.of(outside) : here ? List.of(publish, get) : null;
    }
}
