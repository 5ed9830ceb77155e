package io.iamscope.report.html;

import java.util.List;

/**
 * The answer a page opens with, coloured by how bad it is ({@code verdict.mustache}).
 *
 * @param tone   {@code bad}, {@code warn} or {@code good}
 * @param answer the answer, one line
 * @param detail a second line, or null
 * @param steps  the steps behind the answer (the path to an administrator), in order
 */
public record Verdict(String tone, String answer, String detail, List<Step> steps) {
    public Verdict {
        steps = List.copyOf(steps);
    }

    /** One step, with what allows it (empty when nothing does). */
    public record Step(String hop, String allowedBy) {
    }

    public boolean hasSteps() {
        return !steps.isEmpty();
    }

    public boolean hasDetail() {
        return detail != null;
    }
}
