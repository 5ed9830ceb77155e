package io.iamscope.report;

import io.iamscope.analysis.findings.Affected;
import io.iamscope.analysis.findings.Category;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.PathStep;
import io.iamscope.analysis.findings.Severity;
import io.iamscope.analysis.findings.StatementCite;
import io.iamscope.analysis.findings.Suppressions.Suppressed;
import io.iamscope.analysis.review.Review;
import io.iamscope.report.html.HtmlPage;
import io.iamscope.report.html.Table;
import io.iamscope.report.html.Table.Cell;
import io.iamscope.report.html.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a review as one self-contained HTML page, in the blast radius page's design: the counts first
 * (coloured by the most severe finding), then the most urgent findings with their fixes, every finding in a
 * sortable, filterable table, each finding's evidence (statements, paths, facts, principals) folded below, and
 * the suppressed findings with their reasons.
 */
public final class ReviewHtmlRenderer {
    /** Findings of the first screen. */
    static final int TOP = 15;

    private ReviewHtmlRenderer() {
    }

    /** The page's values, for {@code review.mustache}. */
    record View(String command, String title, String subtitle, Verdict verdict, List<String> warnings,
                List<String> notes, List<Top> top, Table findings, List<Detail> details, Table suppressed) {
        public boolean hasTop() {
            return !top.isEmpty();
        }

        public boolean hasCaveats() {
            return !warnings.isEmpty() || !notes.isEmpty();
        }
    }

    /** A finding of the first screen. */
    record Top(String severity, String code, String title, String fix, String anchor) {
    }

    /** A finding's evidence, folded under its title. */
    record Detail(String anchor, String severity, String code, String title, String subject, String help,
                  String doc, List<String> evidence, String fix) {
    }

    public static void render(Review r, PrintWriter out) {
        Map<Severity, Integer> counts = r.bySeverity();
        List<String> by = new ArrayList<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            by.add(Severity.values()[i].word() + " " + counts.get(Severity.values()[i]));
        }
        List<String> categories = new ArrayList<>();
        for (Map.Entry<Category, Integer> e : r.byCategory().entrySet()) {
            categories.add(e.getKey().word() + " " + e.getValue());
        }
        String tone = r.hasAtLeast(Severity.HIGH) ? "bad" : r.hasAtLeast(Severity.MEDIUM) ? "warn" : "good";
        Verdict verdict = new Verdict(tone, "FINDINGS: " + r.findings().size() + " (" + String.join(", ", by) + "); "
                + r.suppressed().size() + " suppressed", categories.isEmpty() ? null : "by category: "
                + String.join(", ", categories), List.of());
        String subtitle = r.accounts().size() + " account(s): " + String.join(", ", r.accounts()) + "; "
                + (r.organization() == null ? "no organization given" : "organization " + r.organization()) + "; "
                + r.principals() + " principals, " + r.resources() + " resources; attacker profile " + r.profile()
                + "; as of " + r.asOf();
        List<Top> top = new ArrayList<>();
        List<Table.Row> rows = new ArrayList<>();
        List<Detail> details = new ArrayList<>();
        List<Finding> first = ReviewWords.top(r, TOP);
        for (int i = 0; i < r.findings().size(); i++) {
            Finding f = r.findings().get(i);
            String anchor = "finding-" + i;
            String title = f.title() + ReviewWords.conditional(f);
            if (first.contains(f)) {
                top.add(new Top(f.severity().word(), f.code().name(), title, f.fix(), anchor));
            }
            rows.add(new Table.Row(List.of(new Cell(f.severity().word(), rank(f.severity()), false),
                    Cell.code(f.code().name()), Cell.text(f.category().word()), Cell.text(title),
                    Cell.code(ReviewWords.shortName(f.subject())), Cell.text(f.fix())),
                    f.severity().atLeast(Severity.HIGH)));
            details.add(new Detail(anchor, f.severity().word(), f.code().name(), title, f.subject(), f.code().help(),
                    f.code().doc(), evidence(f), f.fix()));
        }
        View view = new View("review", "Review of " + r.accounts().size() + " account(s)", subtitle, verdict,
                r.warnings(), r.notes(), top, new Table("findings", "All findings (" + r.findings().size() + ")",
                List.of("severity", "code", "category", "finding", "subject", "fix"), rows, null), details,
                suppressed(r.suppressed()));
        HtmlPage.render("review", view, out);
    }

    /** Sorted as severities are: critical first when the column is sorted descending. */
    private static String rank(Severity s) {
        return Integer.toString(s.ordinal());
    }

    private static List<String> evidence(Finding f) {
        List<String> out = new ArrayList<>();
        for (StatementCite s : f.statements()) {
            out.add("statement: " + ReviewWords.statement(s));
        }
        for (PathStep s : f.path()) {
            out.add("step: " + ReviewWords.step(s));
        }
        f.facts().forEach(out::add);
        if (f.affected().size() > 1) {
            List<String> names = f.affected().stream().map(Affected::arn).map(ReviewWords::shortName).toList();
            out.add("principals (" + names.size() + "): " + String.join(", ", names));
        }
        f.figures().forEach((name, value) -> out.add(name + ": " + value));
        return out;
    }

    private static Table suppressed(List<Suppressed> suppressed) {
        List<Table.Row> rows = new ArrayList<>();
        for (Suppressed s : suppressed) {
            rows.add(new Table.Row(List.of(Cell.text(s.finding().severity().word()),
                    Cell.code(s.finding().code().name()), Cell.text(s.finding().title()), Cell.text(s.by().reason()),
                    Cell.text(s.by().expires() == null ? "never" : s.by().expires().toString()),
                    Cell.text(s.by().origin())), false));
        }
        return new Table("suppressed", "Suppressed (" + suppressed.size() + ")", List.of("severity", "code",
                "finding", "reason", "expires", "from"), rows, null);
    }
}
