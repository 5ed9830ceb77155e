package io.iamscope.graph.rules;

import io.iamscope.access.Actor;
import io.iamscope.graph.technique.TechniqueContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ARNs worth trying for an IAM user, group, role or policy the attacker creates: it picks the name (and path),
 * so any ARN that each step of the technique allows will do. Tried: those the Resource patterns of its Allows for
 * the technique's actions give ({@link io.iamscope.access.AccessChecker#newArns}), in its own account (IAM creates
 * in the caller's account), then a plain name. A step allowed on some names only (group/new-*) is then checked on a
 * name it allows rather than refused on a made-up one.
 */
final class NewNames {
    private NewNames() {
    }

    /**
     * @param kind    {@code user/}, {@code group/}, {@code role/} or {@code policy/}
     * @param actions the technique's actions on the new principal or policy
     */
    static List<String> candidates(Actor a, TechniqueContext ctx, String kind, List<String> actions) {
        String prefix = "arn:aws:iam::" + a.account() + ":" + kind;
        Set<String> out = new LinkedHashSet<>();
        for (String action : actions) {
            ctx.checker().newArns(a, action).stream().filter(arn -> arn.startsWith(prefix)).forEach(out::add);
        }
        out.add(prefix + "iamscope");
        return List.copyOf(out);
    }
}
