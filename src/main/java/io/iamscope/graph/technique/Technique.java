package io.iamscope.graph.technique;

import io.iamscope.access.Actor;
import java.util.function.Consumer;

/**
 * One privilege-escalation technique: the graph's extension point (design: "one small class per technique,
 * declared with metadata, one registry"). {@link #find} is called once per attacker whose policies name every
 * required action; it runs the technique's checks through {@link TechniqueContext#checker()} and reports each
 * use it finds. Implementations are stateless and thread-safe; the graph builder is handed the list it runs.
 */
public interface Technique {
    TechniqueInfo info();

    void find(Actor attacker, TechniqueContext ctx, Consumer<Escalation> out);

    /**
     * Whether a resource policy can grant the technique's actions (a Lambda function policy naming the
     * attacker): then it runs for attackers whose identity policies do not name them too.
     */
    default boolean grantableByResourcePolicy() {
        return false;
    }
}
