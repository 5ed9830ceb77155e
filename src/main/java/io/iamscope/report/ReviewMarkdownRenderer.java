package io.iamscope.report;

import io.iamscope.analysis.findings.Category;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.analysis.findings.PathStep;
import io.iamscope.analysis.findings.Severity;
import io.iamscope.analysis.findings.StatementCite;
import io.iamscope.analysis.review.Review;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a review as Markdown that fits a pull-request comment: the summary and the most urgent findings, then
 * as many details (folded, by code) as fit in {@link #BUDGET} characters; what does not fit is counted and
 * referred to the JSON or text report. GitHub's comments hold 65,536 characters.
 */
public final class ReviewMarkdownRenderer {
    /** The whole comment stays under this many characters. */
    static final int BUDGET = 60_000;
    static final int TOP = 15;

    private ReviewMarkdownRenderer() {
    }

    public static void render(Review r, PrintWriter out) {
        out.print(markdown(r));
        out.flush();
    }

    static String markdown(Review r) {
        StringBuilder head = new StringBuilder();
        head.append("## iamscope review\n\n");
        head.append(r.accounts().size()).append(" account(s): ").append(String.join(", ", r.accounts())).append("  \n");
        head.append(r.organization() == null ? "no organization given" : "organization `" + r.organization() + "`")
                .append(" · ").append(r.principals()).append(" principals · ").append(r.resources())
                .append(" resources · attacker profile `").append(r.profile()).append("` · as of ").append(r.asOf())
                .append("\n\n");
        head.append("| severity | findings |\n|---|---:|\n");
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            head.append("| ").append(s.word()).append(" | ").append(r.bySeverity().get(s)).append(" |\n");
        }
        head.append("| suppressed | ").append(r.suppressed().size()).append(" |\n\n");
        List<String> cats = new ArrayList<>();
        for (Map.Entry<Category, Integer> e : r.byCategory().entrySet()) {
            cats.add(e.getKey().word() + " " + e.getValue());
        }
        head.append("By category: ").append(String.join(", ", cats)).append("\n\n");
        head.append("### Top findings\n\n");
        List<Finding> top = ReviewWords.top(r, TOP);
        if (top.isEmpty()) {
            head.append("Nothing above info.\n");
        } else {
            head.append("| severity | code | finding | fix |\n|---|---|---|---|\n");
            for (Finding f : top) {
                head.append("| ").append(f.severity().word()).append(" | `").append(f.code().name()).append("` | ")
                        .append(cell(f.title() + ReviewWords.conditional(f))).append(" | ").append(cell(f.fix()))
                        .append(" |\n");
            }
        }
        if (!r.warnings().isEmpty() || !r.notes().isEmpty()) {
            head.append("\n");
            r.warnings().forEach(w -> head.append("> **warning:** ").append(w).append("\n>\n"));
            r.notes().forEach(n -> head.append("> not covered: ").append(n).append("\n>\n"));
        }
        head.append("\n### Details\n\n");
        String tail = "\n";
        StringBuilder body = new StringBuilder(head);
        Map<FindingCode, List<Finding>> byCode = new LinkedHashMap<>();
        r.findings().forEach(f -> byCode.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(f));
        int shown = 0;
        int reserve = 400;
        outer:
        for (Map.Entry<FindingCode, List<Finding>> e : byCode.entrySet()) {
            FindingCode code = e.getKey();
            String open = "<details><summary><b>" + code.severity().word() + "</b> <code>" + code.name() + "</code>: "
                    + code.title() + " (" + e.getValue().size() + ")</summary>\n\n" + code.help() + " [AWS docs]("
                    + code.doc() + ")\n\n";
            String close = "\n</details>\n\n";
            if (body.length() + open.length() + close.length() + reserve > BUDGET) {
                break;
            }
            body.append(open);
            for (Finding f : e.getValue()) {
                String item = item(f);
                if (body.length() + item.length() + close.length() + reserve > BUDGET) {
                    body.append(close);
                    break outer;
                }
                body.append(item);
                shown++;
            }
            body.append(close);
        }
        int rest = r.findings().size() - shown;
        if (rest > 0) {
            body.append("_").append(rest).append(" more finding(s) not shown to keep this comment short: see the full"
                    + " report (`iamscope review --format json` or `--format text`)._\n");
        }
        return body.append(tail).toString();
    }

    private static String item(Finding f) {
        StringBuilder sb = new StringBuilder("- **").append(escape(f.title())).append("**")
                .append(escape(ReviewWords.conditional(f))).append("  \n  `").append(f.subject()).append("`\n");
        for (StatementCite s : f.statements().stream().limit(ReviewTextRenderer.LIST).toList()) {
            sb.append("  - statement: ").append(escape(ReviewWords.statement(s))).append("\n");
        }
        if (f.statements().size() > ReviewTextRenderer.LIST) {
            sb.append("  - ").append(f.statements().size() - ReviewTextRenderer.LIST).append(" more statements\n");
        }
        for (PathStep s : f.path()) {
            sb.append("  - ").append(escape(ReviewWords.step(s))).append("\n");
        }
        if (f.affected().size() > 1) {
            List<String> names = f.affected().stream().limit(ReviewTextRenderer.LIST)
                    .map(a -> ReviewWords.shortName(a.arn())).toList();
            sb.append("  - principals (").append(f.affected().size()).append("): ")
                    .append(escape(String.join(", ", names))).append(f.affected().size() > names.size() ? ", ..." : "")
                    .append("\n");
        }
        f.facts().forEach(x -> sb.append("  - ").append(escape(x)).append("\n"));
        sb.append("  - fix: ").append(escape(f.fix())).append("\n");
        return sb.toString();
    }

    static String cell(String s) {
        return escape(s).replace("|", "\\|").replace("\n", " ");
    }

    /**
     * Markdown's own characters in user text (ARNs and policies have `*` and `_`) shown as they are; text between
     * backticks is a code span already, left as it is.
     */
    private static String escape(String s) {
        String[] parts = s.split("`", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append('`');
            }
            sb.append(i % 2 == 1 && i < parts.length - 1 ? parts[i] : parts[i].replace("\\", "\\\\")
                    .replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;"));
        }
        return sb.toString();
    }
}
