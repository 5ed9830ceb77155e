package io.iamscope.report;

import io.iamscope.analysis.Hop;
import io.iamscope.analysis.blast.ActionAccess;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.Reachable;
import io.iamscope.analysis.blast.ServiceAccess;
import io.iamscope.analysis.blast.TacticAccess;
import io.iamscope.analysis.hunt.HuntingQuery;
import io.iamscope.catalog.Tactic;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a blast radius as Markdown for an incident ticket or a pull-request comment: the answer first
 * ({@link BlastAnswer}), then the same sections as the text report, with tables where they read better, each
 * list cut at the bounds' limit with the option that shows the rest, so that a standard report fits a comment
 * (GitHub holds 65,536 characters).
 */
public final class BlastMarkdownRenderer {
    private BlastMarkdownRenderer() {
    }

    public static void render(BlastRadius b, PrintWriter out) {
        render(b, Bounds.STANDARD, out);
    }

    public static void render(BlastRadius b, Bounds bounds, PrintWriter out) {
        BlastAnswer answer = BlastAnswer.of(b, bounds, "markdown");
        out.println("# Blast radius of `" + BlastWords.shortName(b.start().arn()) + "`");
        out.println();
        out.println("- start: " + b.start().kind() + " `" + b.start().arn() + "`"
                + (b.start().via() == null ? "" : " (" + b.start().via() + ")"));
        out.println("- attacker profile: `" + b.profile() + "`");
        out.println("- **admin: " + answer.verdict() + "**");
        int step = 1;
        for (Hop h : answer.path()) {
            out.println("  " + step++ + ". " + BlastWords.hop(h)
                    + (h.statements().isEmpty() ? "" : "; " + BlastWords.allowedBy(h)));
        }
        out.println();
        list("Accounts", answer.accounts(), out);
        list("Credentials (the start's first, then the most recently used)", answer.credentials(), out);
        list("Most dangerous (in the order to act on)", answer.dangers(), out);
        list("Next", answer.next(), out);
        if (bounds.detail() != Detail.SUMMARY) {
            reachable(b, bounds, out);
            tactics(b, bounds, out);
            services(b, bounds, out);
            hunting(b, out);
        }
        if (!b.notes().isEmpty()) {
            out.println("## Not covered");
            out.println();
            b.notes().forEach(n -> out.println("- " + n));
        }
        if (!b.gaps().isEmpty()) {
            out.println();
            out.println("## Incomplete");
            out.println();
            out.println(b.gaps().size() + " collection gap" + (b.gaps().size() == 1 ? "" : "s") + " could change"
                    + " this answer (a gap means unknown, never none):");
            out.println();
            b.gaps().forEach(g -> out.println("- " + GapWords.line(g)));
        }
        out.flush();
    }

    private static void list(String title, List<String> lines, PrintWriter out) {
        if (lines.isEmpty()) {
            return;
        }
        out.println("**" + title + "**");
        out.println();
        lines.forEach(l -> out.println("- " + l));
        out.println();
    }

    private static void more(int more, String what, PrintWriter out) {
        if (more > 0) {
            out.println();
            out.println("*... and " + more + " more " + what + " (`--detail full` lists them all)*");
        }
    }

    private static void reachable(BlastRadius b, Bounds bounds, PrintWriter out) {
        out.println("## Reachable principals (" + b.reachable().size() + ")");
        out.println();
        if (b.reachable().isEmpty()) {
            return;
        }
        out.println("| principal | hops | admin | conditional | path |");
        out.println("|---|---|---|---|---|");
        int keep = bounds.keep(b.reachable().size());
        for (Reachable r : (bounds.full() ? b.reachable() : BlastWords.newsFirst(b.reachable())).subList(0, keep)) {
            String path = r.path().stream().map(h -> "`" + h.technique() + "` -> `"
                    + BlastWords.shortName(h.to()) + "`").collect(Collectors.joining(", "));
            out.println("| `" + r.arn() + "` | " + r.path().size() + " | " + (r.admin() ? "yes" : "no") + " | "
                    + (r.conditional() ? String.join(", ", Hop.keys(r.path())) : "no") + " | " + path + " |");
        }
        more(b.reachable().size() - keep, "principals", out);
        out.println();
    }

    private static void tactics(BlastRadius b, Bounds bounds, PrintWriter out) {
        out.println("## Incident response");
        out.println();
        Map<Tactic, TacticAccess> by = b.tactics().stream().collect(Collectors.toMap(TacticAccess::tactic, t -> t));
        for (Tactic t : BlastWords.order()) {
            TacticAccess ta = by.get(t);
            if (ta == null && !BlastWords.FIRST.contains(t)) {
                continue;
            }
            out.println("### Can they " + BlastWords.question(t) + "? " + (ta == null ? "no"
                    : ta.conditional() ? "conditional" : "**yes**"));
            out.println();
            if (ta != null) {
                int keep = bounds.keep(ta.actions().size());
                ta.actions().subList(0, keep).forEach(a -> out.println("- " + BlastWords.action(a)));
                more(ta.actions().size() - keep, "actions", out);
                out.println();
            }
        }
    }

    private static void services(BlastRadius b, Bounds bounds, PrintWriter out) {
        out.println("## Access by service");
        out.println();
        List<ServiceAccess> shown = BlastWords.ranked(b.services());
        Set<String> controlled = BlastAnswer.controlled(b);
        if (!bounds.full() && !controlled.isEmpty()) {
            int actions = b.services().stream().mapToInt(s -> s.actions().size()).sum();
            controlled.forEach(a -> out.println("- full control of " + b.accountLabel(a) + ": every service, as its"
                    + " SCPs allow"));
            shown = BlastWords.ranked(BeyondControl.services(b.services(), controlled));
            out.println("- " + b.services().size() + " services, " + actions + " actions in all (`--detail full`"
                    + " lists them); below, the " + shown.size() + " service" + (shown.size() == 1 ? "" : "s")
                    + " granted beyond the controlled account" + (controlled.size() == 1 ? "" : "s"));
            out.println();
            if (shown.isEmpty()) {
                return;
            }
        }
        out.println("| service | actions | definite | access levels |");
        out.println("|---|---|---|---|");
        int rows = bounds.keep(shown.size());
        for (ServiceAccess s : shown.subList(0, rows)) {
            out.println("| `" + s.prefix() + "` | " + s.actions().size() + " | " + s.definiteCount() + " | "
                    + s.accessLevels().entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                    .collect(Collectors.joining(", ")) + " |");
        }
        more(shown.size() - rows, "services", out);
        out.println();
        for (ServiceAccess s : shown.subList(0, rows)) {
            out.println("<details><summary><code>" + s.prefix() + "</code> (" + s.actions().size()
                    + " actions)</summary>");
            out.println();
            int keep = bounds.keep(s.actions().size());
            for (ActionAccess a : s.actions().subList(0, keep)) {
                out.println("- " + a.accessLevel().label() + ": " + BlastWords.action(a));
            }
            more(s.actions().size() - keep, "actions", out);
            out.println();
            out.println("</details>");
            out.println();
        }
    }

    private static void hunting(BlastRadius b, PrintWriter out) {
        out.println("## Hunting queries");
        out.println();
        for (HuntingQuery q : b.huntingQueries()) {
            out.println("**" + q.engine() + "**: " + q.title());
            out.println();
            out.println("```sql");
            out.println(q.sql() + ";");
            out.println("```");
            out.println();
        }
    }
}
