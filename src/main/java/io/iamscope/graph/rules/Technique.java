package io.iamscope.graph.rules;

import io.iamscope.graph.Actor;
import java.util.function.Consumer;

/**
 * One privilege-escalation technique (design: "one small class per technique, declared with metadata, one
 * registry"). {@link #find} is called once per attacker whose policies name every required action; it runs
 * the technique's checks and reports each use it finds. Implementations are stateless and thread-safe.
 */
public interface Technique {
    TechniqueInfo info();

    void find(Actor attacker, RuleContext ctx, Consumer<Escalation> out);
}
