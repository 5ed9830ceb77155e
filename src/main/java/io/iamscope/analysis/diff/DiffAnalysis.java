package io.iamscope.analysis.diff;

import io.iamscope.analysis.Workspace;
import io.iamscope.analysis.findings.Suppression;
import io.iamscope.analysis.review.Review;
import io.iamscope.analysis.review.ReviewAnalysis;
import io.iamscope.analysis.review.ReviewOptions;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessGraph;
import io.iamscope.model.Account;
import io.iamscope.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code iamscope diff}: two snapshots of the same account or organization, each in its own workspace (its graph
 * built with the same attacker context), compared as written ({@link StructuralDiff}), for each principal
 * ({@link EffectiveDiff}) and by their reviews ({@link FindingsDiff}).
 */
public final class DiffAnalysis {
    private DiffAnalysis() {
    }

    public static SnapshotDiff run(Workspace before, ReviewOptions beforeOptions, Workspace after,
                                   ReviewOptions afterOptions, String profile, RequestContext context,
                                   List<Suppression> suppressions) {
        return run(before, beforeOptions, after, afterOptions, profile, context, suppressions, new PhaseClock());
    }

    /** {@link #run} telling {@code clock} as each phase ends. */
    public static SnapshotDiff run(Workspace before, ReviewOptions beforeOptions, Workspace after,
                                   ReviewOptions afterOptions, String profile, RequestContext context,
                                   List<Suppression> suppressions, PhaseClock clock) {
        Snapshot a = before.index().snapshot();
        Snapshot b = after.index().snapshot();
        List<String> warnings = new ArrayList<>();
        List<String> onlyBefore = ids(a);
        onlyBefore.removeAll(ids(b));
        List<String> onlyAfter = ids(b);
        onlyAfter.removeAll(ids(a));
        if (!onlyBefore.isEmpty() || !onlyAfter.isEmpty()) {
            warnings.add("the snapshots are not of the same accounts (only before: " + onlyBefore + "; only after: "
                    + onlyAfter + "): their principals show as removed and added");
        }
        if (a.gapCount() > 0 || b.gapCount() > 0) {
            warnings.add("the snapshots have collection gaps (before " + a.gapCount() + ", after " + b.gapCount()
                    + "): something missing from one of them may show as removed or added");
        }
        List<Change> changes = StructuralDiff.between(a, b);
        clock.done("structural diff");
        AccessGraph graphBefore = before.graph(context);
        clock.done("graph before");
        AccessGraph graphAfter = after.graph(context);
        clock.done("graph after");
        List<PrincipalChange> principals = EffectiveDiff.between(graphBefore, graphAfter, afterOptions.limits());
        clock.done("effective diff");
        Review reviewBefore = new ReviewAnalysis(before).run(profile, context, beforeOptions, suppressions);
        clock.done("review before");
        Review reviewAfter = new ReviewAnalysis(after).run(profile, context, afterOptions, suppressions);
        clock.done("review after");
        List<FindingChange> findings = FindingsDiff.between(reviewBefore.findings(), reviewAfter.findings());
        clock.done("findings diff");
        return new SnapshotDiff(label(a), label(b), changes, principals, findings, warnings);
    }

    private static List<String> ids(Snapshot s) {
        return s.accounts().stream().map(Account::accountId).collect(Collectors.toCollection(ArrayList::new));
    }

    private static String label(Snapshot s) {
        String accounts = s.accounts().stream().map(Account::label).collect(Collectors.joining(", "));
        return s.collectedAt() == null ? accounts : accounts + " as of " + s.collectedAt();
    }
}
