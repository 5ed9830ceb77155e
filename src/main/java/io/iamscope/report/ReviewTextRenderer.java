package io.iamscope.report;

import io.iamscope.analysis.findings.Affected;
import io.iamscope.analysis.findings.Category;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.analysis.findings.PathStep;
import io.iamscope.analysis.findings.Severity;
import io.iamscope.analysis.findings.Suppressions.Suppressed;
import io.iamscope.analysis.review.Review;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a review for a terminal: one screen of summary first (counts per severity and category, the most
 * urgent findings with their fix), then every finding by code, with its evidence. Long lists are cut with a
 * count; the JSON output holds everything.
 */
public final class ReviewTextRenderer {
    /** Findings on the first screen. */
    static final int TOP = 10;
    /** Findings of one code shown in the details before the rest are counted. */
    static final int PER_CODE = 25;
    /** Principals listed under one finding. */
    static final int LIST = 8;

    private ReviewTextRenderer() {
    }

    public static void render(Review r, PrintWriter out) {
        summary(r, out);
        out.println();
        out.println("DETAILS");
        Map<FindingCode, List<Finding>> byCode = new LinkedHashMap<>();
        r.findings().forEach(f -> byCode.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(f));
        byCode.forEach((code, list) -> {
            out.println();
            out.println("== " + ReviewWords.severity(code.severity()) + " " + code.name() + ": " + code.title() + " ("
                    + list.size() + ")");
            out.println("   " + code.doc());
            for (int i = 0; i < Math.min(PER_CODE, list.size()); i++) {
                details(list.get(i), out);
            }
            if (list.size() > PER_CODE) {
                out.println("  ... " + (list.size() - PER_CODE) + " more " + code.name() + " (--format json lists all)");
            }
        });
        if (!r.suppressed().isEmpty()) {
            out.println();
            out.println("SUPPRESSED (" + r.suppressed().size() + ")");
            for (Suppressed s : r.suppressed()) {
                out.println("  " + s.finding().code().name() + " " + s.finding().subject() + ": "
                        + s.by().reason() + " (" + s.by().origin()
                        + (s.by().expires() == null ? "" : ", until " + s.by().expires()) + ")");
            }
        }
        out.flush();
    }

    /** The first screen: what was reviewed, the counts, the top findings, warnings and notes. */
    static void summary(Review r, PrintWriter out) {
        out.println("review of " + r.accounts().size() + " account(s): " + String.join(", ", r.accounts()));
        out.println((r.organization() == null ? "no organization given" : "organization " + r.organization()) + "; "
                + r.principals() + " principals, " + r.resources() + " resources; attacker profile " + r.profile()
                + "; as of " + r.asOf());
        out.println();
        List<String> sev = new ArrayList<>();
        Map<Severity, Integer> counts = r.bySeverity();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            sev.add(s.word() + " " + counts.get(s));
        }
        out.println("FINDINGS: " + r.findings().size() + " (" + String.join(", ", sev) + "); " + r.suppressed().size()
                + " suppressed");
        List<String> cat = new ArrayList<>();
        for (Map.Entry<Category, Integer> e : r.byCategory().entrySet()) {
            cat.add(e.getKey().word() + " " + e.getValue());
        }
        out.println("  " + String.join(", ", cat));
        out.println();
        out.println("TOP");
        List<Finding> top = ReviewWords.top(r, TOP);
        if (top.isEmpty()) {
            out.println("  nothing above info");
        }
        for (Finding f : top) {
            out.println("  " + ReviewWords.severity(f.severity()) + " " + f.code().name() + "  " + f.title()
                    + ReviewWords.conditional(f));
            out.println("      fix: " + f.fix());
        }
        int rest = (int) r.findings().stream().filter(f -> f.severity() != Severity.INFO).count() - top.size();
        if (rest > 0) {
            out.println("  ... and " + rest + " more of low severity or above, in DETAILS below");
        }
        if (!r.warnings().isEmpty()) {
            out.println();
            out.println("WARNINGS");
            r.warnings().forEach(w -> out.println("  " + w));
        }
        if (!r.notes().isEmpty()) {
            out.println();
            out.println("NOT COVERED");
            r.notes().forEach(n -> out.println("  " + n));
        }
    }

    private static void details(Finding f, PrintWriter out) {
        out.println("- " + f.title() + ReviewWords.conditional(f));
        out.println("    subject: " + f.subject() + (f.key().isEmpty() ? "" : "  [" + f.key() + "]"));
        for (int i = 0; i < Math.min(LIST, f.statements().size()); i++) {
            out.println("    statement: " + ReviewWords.statement(f.statements().get(i)));
        }
        if (f.statements().size() > LIST) {
            out.println("    ... " + (f.statements().size() - LIST) + " more statements");
        }
        if (!f.path().isEmpty()) {
            out.println("    path:");
            for (PathStep s : f.path()) {
                out.println("      " + ReviewWords.step(s));
            }
        }
        List<Affected> affected = f.affected();
        if (!affected.isEmpty() && !(affected.size() == 1 && !f.path().isEmpty())) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < Math.min(LIST, affected.size()); i++) {
                Affected a = affected.get(i);
                names.add(ReviewWords.shortName(a.arn()) + (a.path().size() > 1 ? " (" + a.path().size() + " hops)" : "")
                        + (a.conditional() ? " (if " + String.join(", ", a.conditionKeys()) + ")" : ""));
            }
            out.println("    principals (" + affected.size() + "): " + String.join(", ", names)
                    + (affected.size() > LIST ? ", ..." : ""));
        }
        f.facts().forEach(x -> out.println("    " + x));
        if (!f.figures().isEmpty()) {
            List<String> figures = new ArrayList<>();
            f.figures().forEach((k, v) -> figures.add(k + " " + v));
            out.println("    figures: " + String.join(", ", figures));
        }
        out.println("    fix: " + f.fix());
    }
}
