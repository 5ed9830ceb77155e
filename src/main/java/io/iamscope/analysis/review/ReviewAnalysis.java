package io.iamscope.analysis.review;

import io.iamscope.analysis.Workspace;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.Suppression;
import io.iamscope.analysis.findings.Suppressions;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.Account;
import io.iamscope.model.Snapshot;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-incident access review of a whole snapshot (docs/review.md): every family of findings
 * ({@link ReviewChecks}) over the workspace's access graph for the attacker's context, sorted most urgent first,
 * with the suppressions applied. The costly parts are done for all principals at once (admin routes, reach
 * sets, class decisions), never one blast radius per principal.
 */
public final class ReviewAnalysis {
    private final Workspace workspace;
    private final Map<String, Long> timings = new LinkedHashMap<>();

    public ReviewAnalysis(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * @param profile      the attacker profile's name, for the report
     * @param context      the attacker's request context
     * @param suppressions what to set apart (expired ones become findings; unmatched ones warnings)
     */
    public Review run(String profile, RequestContext context, ReviewOptions options, List<Suppression> suppressions) {
        ReviewContext c = new ReviewContext(workspace, context, options);
        List<Finding> all = new ArrayList<>();
        for (ReviewCheck check : ReviewChecks.ALL) {
            long start = System.nanoTime();
            all.addAll(check.run(c));
            timings.put(check.name(), (System.nanoTime() - start) / 1_000_000);
        }
        all.sort(Finding.ORDER);
        LocalDate today = options.asOf().atOffset(ZoneOffset.UTC).toLocalDate();
        Suppressions.Result applied = Suppressions.apply(all, suppressions, today);
        List<String> warnings = new ArrayList<>(c.warnings());
        warnings.addAll(applied.warnings());
        List<String> notes = new ArrayList<>(c.notes());
        notes.add("service-linked roles are left out of the escalation, trust and unused findings: only their AWS"
                + " service can use them, and their policies cannot be changed");
        Snapshot s = workspace.index().snapshot();
        notes.addAll(gapNotes(new io.iamscope.analysis.GapsInPlay(s).forAnyAnswer()));
        return new Review(profile, options.asOf(), s.accounts().stream().map(Account::label).toList(),
                s.organization() == null ? null : s.organization().id(), s.principalCount(), s.resourceCount(),
                applied.kept(), applied.suppressed(), warnings, notes);
    }

    /**
     * The collection gaps that could change the findings: a gap means unknown, never none, so a finding may be
     * missing or overstated where one is. The first ten are named, the rest counted.
     */
    private static List<String> gapNotes(List<io.iamscope.model.Gap> gaps) {
        List<String> out = new ArrayList<>();
        if (gaps.isEmpty()) {
            return out;
        }
        out.add("incomplete: " + gaps.size() + " collection gap" + (gaps.size() == 1 ? "" : "s") + " could change"
                + " these findings (a gap means unknown, never none)");
        gaps.stream().limit(10).forEach(g -> out.add("collection gap: `" + g.service() + ":" + g.operation() + "`"
                + (g.resource() == null ? "" : " for `" + g.resource() + "`")
                + (g.region() == null ? "" : " in " + g.region()) + " failed with `" + g.errorCode() + "`"));
        if (gaps.size() > 10) {
            out.add("... and " + (gaps.size() - 10) + " more collection gaps (the snapshot lists them all)");
        }
        return out;
    }

    /** How long each family took in the last run, in milliseconds, for benchmarks. */
    public Map<String, Long> timings() {
        return Map.copyOf(timings);
    }
}
