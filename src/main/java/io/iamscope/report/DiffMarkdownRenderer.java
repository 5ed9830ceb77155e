package io.iamscope.report;

import io.iamscope.analysis.diff.Change;
import io.iamscope.analysis.diff.ChangeKind;
import io.iamscope.analysis.diff.FindingChange;
import io.iamscope.analysis.diff.PrincipalChange;
import io.iamscope.analysis.diff.SnapshotDiff;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.PathStep;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code diff} and {@code check} as Markdown for a pull-request comment: the verdict and what the change gives
 * first, then the new findings, then the changes as written, each section cut to what fits in
 * {@link ReviewMarkdownRenderer#BUDGET} characters, with the count of what was left out (the JSON has everything).
 */
public final class DiffMarkdownRenderer {
    private DiffMarkdownRenderer() {
    }

    public static void render(SnapshotDiff d, String title, PrintWriter out) {
        out.print(markdown(d, title));
        out.flush();
    }

    static String markdown(SnapshotDiff d, String title) {
        StringBuilder md = new StringBuilder("## ").append(title).append("\n\n");
        md.append("From ").append(d.before()).append("  \nto ").append(d.after()).append("\n\n");
        d.warnings().forEach(w -> md.append("> **warning:** ").append(w).append("\n>\n"));
        if (d.isEmpty()) {
            md.append("**No change**: the snapshots grant the same access.\n");
            return md.toString();
        }
        List<PrincipalChange> gained = d.gained();
        List<FindingChange> introduced = d.findings().stream().filter(f -> f.kind() != ChangeKind.REMOVED).toList();
        long resolved = d.findings().size() - introduced.size();
        md.append(gained.isEmpty() && introduced.isEmpty() ? "**Nothing gained**" : "**Access gained**")
                .append(": ").append(gained.size()).append(" principal(s) gained access, ").append(introduced.size())
                .append(" finding(s) new or widened, ").append(resolved).append(" resolved; ")
                .append(d.changes().size()).append(" change(s) written.\n\n");
        int budget = ReviewMarkdownRenderer.BUDGET - 500;
        md.append("### What the change gives\n\n");
        int shown = 0;
        for (PrincipalChange c : gained) {
            String item = principal(c);
            if (md.length() + item.length() > budget / 2) {
                break;
            }
            md.append(item);
            shown++;
        }
        if (gained.isEmpty()) {
            md.append("No principal came closer to administrator or reaches anyone new.\n");
        }
        more(md, gained.size() - shown);
        md.append("\n### New findings\n\n");
        shown = 0;
        if (!introduced.isEmpty()) {
            md.append("| severity | code | finding | fix |\n|---|---|---|---|\n");
        }
        for (FindingChange f : introduced) {
            Finding x = f.finding();
            String row = "| " + x.severity().word() + " | `" + x.code().name() + "` | "
                    + ReviewMarkdownRenderer.cell((f.kind() == ChangeKind.CHANGED ? "(widened) " : "") + x.title()
                    + ReviewWords.conditional(x)) + " | " + ReviewMarkdownRenderer.cell(x.fix()) + " |\n";
            if (md.length() + row.length() > budget * 3 / 4) {
                break;
            }
            md.append(row);
            shown++;
        }
        if (introduced.isEmpty()) {
            md.append("None.\n");
        }
        more(md, introduced.size() - shown);
        md.append("\n### Written differently\n\n");
        shown = 0;
        for (Change c : d.changes()) {
            String item = "- " + c.kind().word() + " " + c.what() + " of `" + c.subject() + "`"
                    + (c.detail().isEmpty() ? "" : ": " + c.detail()) + "\n";
            if (md.length() + item.length() > budget) {
                break;
            }
            md.append(item);
            shown++;
        }
        more(md, d.changes().size() - shown);
        return md.toString();
    }

    private static String principal(PrincipalChange c) {
        StringBuilder s = new StringBuilder("- `").append(c.arn()).append("`: ");
        s.append(c.before() == c.after() ? c.after().words() : c.before().words() + " → **" + c.after().words()
                + "**");
        if (c.newlyCount() > 0) {
            s.append("; reaches ").append(c.newlyCount()).append(" more principal(s)");
        }
        s.append("\n");
        for (PathStep p : c.pathToAdmin()) {
            s.append("  - ").append(ReviewMarkdownRenderer.cell(ReviewWords.step(p))).append("\n");
        }
        return s.toString();
    }

    private static void more(StringBuilder md, int left) {
        if (left > 0) {
            md.append("\n… ").append(left).append(" more (`--format json` has them all).\n");
        }
    }
}
