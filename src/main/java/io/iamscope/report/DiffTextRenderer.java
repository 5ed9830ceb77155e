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
import java.util.Locale;

/**
 * {@code iamscope diff} as text: what the change bought first (principals that came closer to administrator or
 * reach someone new, findings introduced), then what was written differently, then what was resolved. Each
 * list is cut after {@link #SHOWN} items with the count of the rest (the JSON has everything).
 */
public final class DiffTextRenderer {
    static final int SHOWN = 25;
    /** A patch longer than this is harder to read than the new document, which is shown instead. */
    static final int PATCH_SHOWN = 4;

    private DiffTextRenderer() {
    }

    public static void render(SnapshotDiff d, PrintWriter out) {
        out.println("diff of " + d.before());
        out.println("     to " + d.after());
        d.warnings().forEach(w -> out.println("warning: " + w));
        out.println();
        if (d.isEmpty()) {
            out.println("NO CHANGE: the snapshots grant the same access.");
            out.flush();
            return;
        }
        List<PrincipalChange> gained = d.gained();
        List<FindingChange> introduced = d.findings().stream().filter(f -> f.kind() != ChangeKind.REMOVED).toList();
        List<FindingChange> resolved = d.findings().stream().filter(f -> f.kind() == ChangeKind.REMOVED).toList();
        out.println("SUMMARY: " + d.changes().size() + " change(s) written; " + gained.size()
                + " principal(s) gained access; " + introduced.size() + " finding(s) new or widened, "
                + resolved.size() + " resolved");
        out.println();
        out.println("WHAT THE CHANGE GIVES");
        if (gained.isEmpty()) {
            out.println("  no principal came closer to administrator or reaches anyone new");
        }
        cut(gained, out, c -> principal(c, out));
        out.println();
        out.println("NEW FINDINGS");
        if (introduced.isEmpty()) {
            out.println("  none");
        }
        cut(introduced, out, f -> finding(f, out));
        out.println();
        out.println("WRITTEN DIFFERENTLY");
        cut(d.changes(), out, c -> change(c, out));
        List<PrincipalChange> lost = d.principals().stream().filter(c -> !c.gained()).toList();
        if (!lost.isEmpty() || !resolved.isEmpty()) {
            out.println();
            out.println("NO LONGER");
            cut(lost, out, c -> out.println("  " + ReviewWords.shortName(c.arn()) + ": " + c.before().words() + " -> "
                    + c.after().words() + (c.lostCount() > 0 ? "; reaches " + c.lostCount() + " fewer" : "")));
            cut(resolved, out, f -> out.println("  resolved " + f.finding().severity().name() + " "
                    + f.finding().code().name() + "  " + f.finding().title()));
        }
        out.flush();
    }

    static void principal(PrincipalChange c, PrintWriter out) {
        StringBuilder line = new StringBuilder("  " + ReviewWords.shortName(c.arn()) + " (" + c.arn() + "): ");
        line.append(c.before() == c.after() ? c.after().words() : c.before().words() + " -> " + c.after().words());
        if (c.newlyCount() > 0) {
            line.append("; reaches ").append(c.newlyCount()).append(" more principal(s)");
        }
        if (!c.newAccounts().isEmpty()) {
            line.append(", controls account(s) ").append(String.join(", ", c.newAccounts()));
        }
        out.println(line);
        for (PathStep s : c.pathToAdmin()) {
            out.println("      " + ReviewWords.step(s));
        }
        if (c.newlyCount() > 0 && c.pathToAdmin().isEmpty()) {
            List<String> names = c.newlyReachable().stream().map(ReviewWords::shortName).toList();
            out.println("      newly reachable: " + String.join(", ", names)
                    + (c.newlyCount() > names.size() ? ", ... " + (c.newlyCount() - names.size()) + " more" : ""));
        }
    }

    private static void finding(FindingChange f, PrintWriter out) {
        Finding x = f.finding();
        String kind = f.kind() == ChangeKind.CHANGED ? "widened " : "";
        out.println("  " + ReviewWords.severity(x.severity()) + " " + kind + x.code().name() + "  " + x.title()
                + ReviewWords.conditional(x));
        if (f.kind() == ChangeKind.CHANGED) {
            out.println("      now also: " + String.join(", ", f.newlyAffected().stream().map(ReviewWords::shortName)
                    .toList()));
        }
        if (!x.fix().isEmpty()) {
            out.println("      fix: " + x.fix());
        }
    }

    static void change(Change c, PrintWriter out) {
        out.println("  " + c.kind().word().toUpperCase(Locale.ROOT) + " " + c.what() + " of " + c.subject()
                + (c.detail().isEmpty() ? "" : ": " + c.detail()));
        if (c.patch() != null && c.patch().size() <= PATCH_SHOWN) {
            c.patch().forEach(op -> out.println("      " + op));
        } else if (c.document() != null) {
            out.println("      now: " + c.document());
        }
    }

    private static <T> void cut(List<T> items, PrintWriter out, java.util.function.Consumer<T> line) {
        items.stream().limit(SHOWN).forEach(line);
        if (items.size() > SHOWN) {
            out.println("  ... " + (items.size() - SHOWN) + " more (--format json has them all)");
        }
    }
}
