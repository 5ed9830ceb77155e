package io.iamscope.graph.rules;

import io.iamscope.graph.technique.Steps;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Several ways of doing one step (an instance profile of the role, a way into an instance, a name for a new
 * policy): each is tried on steps of its own, and the checks of the first that succeeds definitely, else of the
 * first that succeeds conditionally, are appended. The attacker takes whichever way AWS allows; a definite way
 * makes the edge definite.
 */
final class Alternatives {
    private Alternatives() {
    }

    /** Whether some option succeeds; its checks are appended to {@code steps}. */
    static <T> boolean first(List<T> options, Steps steps, BiPredicate<T, Steps> attempt) {
        Steps chosen = null;
        for (T option : options) {
            Steps s = new Steps();
            if (attempt.test(option, s)) {
                if (!s.conditional()) {
                    chosen = s;
                    break;
                }
                if (chosen == null) {
                    chosen = s;
                }
            }
        }
        if (chosen == null) {
            return false;
        }
        steps.append(chosen);
        return true;
    }
}
