package io.iamscope.access;

import io.iamscope.eval.match.ArnList;
import java.util.List;

/**
 * Every ARN target lists of one snapshot are drawn from (its users, groups, roles and resources): each
 * {@link Targets} list built on it reads a Resource pattern's matches from here, so that a pattern is matched
 * once per ARN of the snapshot rather than once per list. Thread-safe.
 */
public final class TargetUniverse {
    private final ArnList arns;

    private TargetUniverse(ArnList arns) {
        this.arns = arns;
    }

    public static TargetUniverse of(List<String> arns) {
        return new TargetUniverse(new ArnList(List.copyOf(arns)));
    }

    ArnList arns() {
        return arns;
    }
}
