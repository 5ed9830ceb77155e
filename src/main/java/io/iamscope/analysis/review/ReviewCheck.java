package io.iamscope.analysis.review;

import io.iamscope.analysis.findings.Finding;
import java.util.List;

/** One family of review findings (docs/review.md): it reads the review's context and returns its findings. */
interface ReviewCheck {
    /** A short name, for notes and timings: {@code escalation}. */
    String name();

    List<Finding> run(ReviewContext c);
}
