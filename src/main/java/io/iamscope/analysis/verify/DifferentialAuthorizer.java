package io.iamscope.analysis.verify;

import io.iamscope.eval.NotChecked;
import io.iamscope.eval.Authorizer;
import io.iamscope.eval.Decision;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the local engine and the IAM policy simulator side by side on the same request and compares them.
 *
 * <p>Two definite decisions agree when their outcomes are equal. Two conditional decisions agree when they
 * depend on the same unknown keys; their outcomes are not compared, because the simulator's conditional
 * outcome is its answer with the keys absent while the local one is the most permissive possibility. A
 * simulator decision flagged {@link NotChecked} is not comparable.
 */
public final class DifferentialAuthorizer {
    private final Authorizer local;
    private final Authorizer simulator;

    public DifferentialAuthorizer(Authorizer local, Authorizer simulator) {
        this.local = local;
        this.simulator = simulator;
    }

    public Comparison compare(String id, Request request, PolicySet policies) {
        Decision l = local.authorize(request, policies);
        Decision s = simulator.authorize(request, policies);
        return new Comparison(id, request, l, s, agreement(l, s));
    }

    /** Whether two decisions on the same request agree, by the rules above. */
    public static Agreement agreement(Decision local, Decision simulator) {
        if (NotChecked.isNotChecked(simulator)) {
            return Agreement.NOT_COMPARABLE;
        }
        if (local.isConditional() != simulator.isConditional()) {
            return Agreement.DISAGREE;
        }
        if (!local.isConditional()) {
            return local.outcome() == simulator.outcome() ? Agreement.AGREE : Agreement.DISAGREE;
        }
        return lower(local.conditionalKeys()).equals(lower(simulator.conditionalKeys())) ? Agreement.AGREE
                : Agreement.DISAGREE;
    }

    private static Set<String> lower(Set<String> keys) {
        Set<String> out = new TreeSet<>();
        keys.forEach(k -> out.add(k.toLowerCase(Locale.ROOT)));
        return out;
    }
}
