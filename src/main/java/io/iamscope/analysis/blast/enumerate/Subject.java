package io.iamscope.analysis.blast.enumerate;

import io.iamscope.analysis.Hop;
import io.iamscope.model.PrincipalRef;
import java.util.List;

/** A principal whose permissions a blast radius enumerates, and the path the attacker takes to it. */
public record Subject(PrincipalRef ref, List<Hop> path) {
    public Subject {
        path = List.copyOf(path);
    }

    public boolean pathConditional() {
        return Hop.anyConditional(path);
    }
}
