package io.iamscope.analysis.findings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies suppressions to findings (docs/review.md, "Suppressions"): a finding a live suppression matches is
 * set apart with it; an expired suppression silences nothing and is itself a finding
 * ({@link FindingCode#SUPPRESSION_EXPIRED}); a live suppression that matches nothing is a warning (the finding it
 * was written for is gone, or the pattern is wrong).
 */
public final class Suppressions {
    private Suppressions() {
    }

    /** A finding and the suppression that silenced it. */
    public record Suppressed(Finding finding, Suppression by) {
    }

    /**
     * @param kept       the findings still reported (with one per expired suppression), in {@link Finding#ORDER}
     * @param suppressed the findings set apart, in the same order
     * @param warnings   one line per suppression that matched nothing
     */
    public record Result(List<Finding> kept, List<Suppressed> suppressed, List<String> warnings) {
        public Result {
            kept = List.copyOf(kept);
            suppressed = List.copyOf(suppressed);
            warnings = List.copyOf(warnings);
        }
    }

    public static Result apply(List<Finding> findings, List<Suppression> suppressions, LocalDate today) {
        List<Finding> kept = new ArrayList<>();
        List<Suppressed> suppressed = new ArrayList<>();
        Set<Suppression> used = new HashSet<>();
        for (Finding f : findings) {
            Suppression by = null;
            for (Suppression s : suppressions) {
                if (!s.expiredOn(today) && s.matches(f)) {
                    by = s;
                    break;
                }
            }
            if (by == null) {
                kept.add(f);
            } else {
                used.add(by);
                suppressed.add(new Suppressed(f, by));
            }
        }
        List<String> warnings = new ArrayList<>();
        for (Suppression s : suppressions) {
            if (s.expiredOn(today)) {
                kept.add(expired(s, findings));
            } else if (!used.contains(s)) {
                warnings.add("suppression " + s.origin() + " (`" + s.code() + "` on `" + s.arn() + "`) matches no"
                        + " finding");
            }
        }
        kept.sort(Finding.ORDER);
        suppressed.sort((a, b) -> Finding.ORDER.compare(a.finding(), b.finding()));
        return new Result(kept, suppressed, warnings);
    }

    private static Finding expired(Suppression s, List<Finding> findings) {
        long matching = findings.stream().filter(s::matches).count();
        return Finding.of(FindingCode.SUPPRESSION_EXPIRED, s.arn()).key(s.code() + " " + s.origin())
                .title("suppression " + s.origin() + " of `" + s.code() + "` on `" + s.arn() + "` expired on "
                        + s.expires() + " (" + matching + " finding(s) it matched are reported again)")
                .fact("reason given: " + (s.reason() == null || s.reason().isBlank() ? "(none)" : s.reason()))
                .fix("renew the suppression with a new expiry date and a reason, or fix the findings it matched")
                .build();
    }
}
