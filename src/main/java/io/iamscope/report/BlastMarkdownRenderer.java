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
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a blast radius as Markdown for an incident ticket or a pull request: the same sections, in the same
 * order, as the text report, with tables where they read better.
 */
public final class BlastMarkdownRenderer {
    private BlastMarkdownRenderer() {
    }

    public static void render(BlastRadius b, PrintWriter out) {
        out.println("# Blast radius of `" + BlastWords.shortName(b.start().arn()) + "`");
        out.println();
        out.println("- start: " + b.start().kind() + " `" + b.start().arn() + "`"
                + (b.start().via() == null ? "" : " (" + b.start().via() + ")"));
        out.println("- attacker profile: `" + b.profile() + "`");
        out.println("- **admin: " + BlastWords.admin(b) + "**");
        b.adminPath().forEach(h -> out.println("  - " + BlastWords.hop(h)));
        out.println();
        out.println("## Reachable principals (" + b.reachable().size() + ")");
        out.println();
        if (!b.reachable().isEmpty()) {
            out.println("| principal | hops | admin | conditional | path |");
            out.println("|---|---|---|---|---|");
            for (Reachable r : b.reachable()) {
                String path = r.path().stream().map(h -> "`" + h.technique() + "` -> `"
                        + BlastWords.shortName(h.to()) + "`").collect(Collectors.joining(", "));
                out.println("| `" + r.arn() + "` | " + r.path().size() + " | " + (r.admin() ? "yes" : "no") + " | "
                        + (r.conditional() ? String.join(", ", Hop.keys(r.path())) : "no") + " | " + path + " |");
            }
            out.println();
        }
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
                ta.actions().forEach(a -> out.println("- " + BlastWords.action(a)));
                out.println();
            }
        }
        out.println("## Access by service");
        out.println();
        out.println("| service | actions | definite | access levels |");
        out.println("|---|---|---|---|");
        for (ServiceAccess s : b.services()) {
            out.println("| `" + s.prefix() + "` | " + s.actions().size() + " | " + s.definiteCount() + " | "
                    + s.accessLevels().entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                    .collect(Collectors.joining(", ")) + " |");
        }
        out.println();
        for (ServiceAccess s : b.services()) {
            out.println("<details><summary><code>" + s.prefix() + "</code> (" + s.actions().size()
                    + " actions)</summary>");
            out.println();
            for (ActionAccess a : s.actions()) {
                out.println("- " + a.accessLevel().label() + ": " + BlastWords.action(a));
            }
            out.println();
            out.println("</details>");
            out.println();
        }
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
}
