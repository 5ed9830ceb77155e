package io.iamscope.report;

import io.iamscope.analysis.Hop;
import io.iamscope.analysis.blast.ActionAccess;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.Reachable;
import io.iamscope.analysis.blast.ResourceAccess;
import io.iamscope.analysis.blast.ServiceAccess;
import io.iamscope.analysis.blast.TacticAccess;
import io.iamscope.catalog.Tactic;
import io.iamscope.graph.NodeKind;
import io.iamscope.report.html.Drawing;
import io.iamscope.report.html.HtmlPage;
import io.iamscope.report.html.LayeredLayout;
import io.iamscope.report.html.Table;
import io.iamscope.report.html.Verdict;
import io.iamscope.report.html.Table.Cell;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a blast radius as one self-contained HTML page for an analyst's laptop: the verdict and the first
 * screen ({@link BlastAnswer}) first, then the paths drawn ({@link BlastPathGraph}, placed by
 * {@link LayeredLayout}), each hop's evidence a click away, the reachable principals, the actions per tactic and
 * per service as sortable, filterable tables, and the hunting queries with a copy button. Lists are cut as the
 * bounds say, like the other formats.
 */
public final class BlastHtmlRenderer {
    private BlastHtmlRenderer() {
    }

    /** The page's values, for {@code blast.mustache}. */
    record View(String command, String title, String subtitle, String profile, Verdict verdict, String incomplete,
                List<Section> summary, Drawing drawing, List<Table> tables, List<HtmlQueries.Query> queries,
                List<String> notes, List<String> gaps) {
        public boolean hasTables() {
            return !tables.isEmpty();
        }

        public boolean hasQueries() {
            return !queries.isEmpty();
        }

        public boolean hasNotes() {
            return !notes.isEmpty();
        }

        public boolean hasGaps() {
            return !gaps.isEmpty();
        }

        /** {@code 2 collection gaps}. */
        public String gapCount() {
            return BlastWords.count(gaps.size(), "collection gap");
        }
    }

    /** A titled list of the first screen. */
    record Section(String title, List<String> lines) {
    }

    public static void render(BlastRadius b, Bounds bounds, PrintWriter out) {
        BlastAnswer answer = BlastAnswer.of(b, bounds, "html");
        String tone = !b.canReachAdmin() ? "good" : b.adminConditional() ? "warn" : "bad";
        List<Verdict.Step> steps = answer.path().stream().map(h -> new Verdict.Step(BlastWords.hop(h),
                BlastWords.allowedBy(h))).toList();
        String subtitle = b.start().kind() + " " + b.start().arn() + (b.start().via() == null ? ""
                : " via " + b.start().via());
        String incomplete = b.gaps().isEmpty() ? null : "INCOMPLETE: " + BlastWords.count(b.gaps().size(),
                "collection gap") + " could change this answer (a gap means unknown, never none): listed at the end";
        List<Section> summary = List.of(new Section("Accounts", answer.accounts()),
                new Section("Credentials (the start's first, then the most recently used)", answer.credentials()),
                new Section("Most dangerous (in the order to act on)", answer.dangers()),
                new Section("Next", answer.next()));
        List<Table> tables = bounds.detail() == Detail.SUMMARY ? List.of()
                : List.of(reachable(b, bounds), tactics(b, bounds), services(b, bounds));
        View view = new View("blast-radius", "Blast radius of " + BlastWords.shortName(b.start().arn()), subtitle,
                b.profile(), new Verdict(tone, "ADMIN: " + answer.verdict(), null, steps), incomplete, summary,
                LayeredLayout.lay(BlastPathGraph.of(b)), tables,
                bounds.detail() == Detail.SUMMARY ? List.of() : HtmlQueries.of(b.huntingQueries()), b.notes(),
                b.gaps().stream().map(GapWords::line).toList());
        HtmlPage.render("blast", view, out);
    }

    private static String more(int more, String what) {
        return more > 0 ? "... and " + more + " more " + what + " (--detail full lists them all)" : null;
    }

    private static Table reachable(BlastRadius b, Bounds bounds) {
        List<Reachable> listed = bounds.full() ? b.reachable() : BlastWords.newsFirst(b.reachable());
        int keep = bounds.keep(listed.size());
        List<Table.Row> rows = new ArrayList<>();
        for (Reachable r : listed.subList(0, keep)) {
            String kind = r.kind() == NodeKind.ROOT ? "control of account" : r.kind().name().toLowerCase();
            String path = r.path().stream().map(h -> h.technique() + " -> " + BlastWords.shortName(h.to()))
                    .collect(Collectors.joining(", "));
            rows.add(new Table.Row(List.of(Cell.code(BlastWords.shortName(r.arn())), Cell.text(kind),
                    Cell.text(b.accountLabel(r.account())), Cell.number(r.path().size()),
                    Cell.text(r.admin() ? (r.adminConditional() ? "conditional" : "yes") : "no"),
                    Cell.text(r.conditional() ? String.join(", ", Hop.keys(r.path())) : "no"), Cell.code(path)),
                    r.admin()));
        }
        return new Table("reachable", "Reachable principals (" + b.reachable().size() + ")", List.of("principal",
                "kind", "account", "hops", "admin", "conditional on", "path"), rows,
                more(listed.size() - keep, "principals"));
    }

    private static Table tactics(BlastRadius b, Bounds bounds) {
        Map<Tactic, TacticAccess> by = b.tactics().stream().collect(Collectors.toMap(TacticAccess::tactic, t -> t));
        List<Table.Row> rows = new ArrayList<>();
        int cut = 0;
        for (Tactic t : BlastWords.order()) {
            TacticAccess ta = by.get(t);
            if (ta == null) {
                continue;
            }
            int keep = bounds.keep(ta.actions().size());
            cut += ta.actions().size() - keep;
            for (ActionAccess a : ta.actions().subList(0, keep)) {
                rows.add(actionRow(BlastWords.danger(t), a));
            }
        }
        return new Table("tactics", "Incident response: actions per tactic", List.of("tactic", "action", "access level",
                "definite", "on", "granted to", "condition"), rows, more(cut, "actions"));
    }

    private static Table.Row actionRow(String first, ActionAccess a) {
        ResourceAccess r = a.resources().get(0);
        String on = (r.set() == null ? r.resource() : r.describe()) + (a.resources().size() > 1
                ? " (+" + (a.resources().size() - 1) + " more)" : "");
        String who = a.principals().stream().map(BlastWords::shortName).sorted().collect(Collectors.joining(", "));
        String condition = a.conditional() ? String.join(", ", r.grantedBy().get(0).conditionKeys()) : "";
        return new Table.Row(List.of(Cell.text(first), Cell.code(a.action()), Cell.text(a.accessLevel().label()),
                Cell.text(a.conditional() ? "conditional" : "yes"), Cell.code(on), Cell.code(who),
                Cell.code(condition)), false);
    }

    private static Table services(BlastRadius b, Bounds bounds) {
        List<ServiceAccess> shown = BlastWords.ranked(b.services());
        Set<String> controlled = BlastAnswer.controlled(b);
        String caption = "Access by service";
        if (!bounds.full() && !controlled.isEmpty()) {
            shown = BlastWords.ranked(BeyondControl.services(b.services(), controlled));
            caption = "Access by service beyond the controlled account" + (controlled.size() == 1 ? "" : "s") + " ("
                    + String.join(", ", controlled.stream().map(b::accountLabel).toList()) + ": every service, as its"
                    + " SCPs allow; " + b.services().size() + " services in all, --detail full lists them)";
        }
        int keep = bounds.keep(shown.size());
        List<Table.Row> rows = new ArrayList<>();
        for (ServiceAccess s : shown.subList(0, keep)) {
            String levels = s.accessLevels().entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            int named = Math.min(bounds.keep(s.actions().size()), BlastAnswer.NAMED);
            String actions = s.actions().subList(0, named).stream().map(ActionAccess::action)
                    .collect(Collectors.joining(", ")) + (s.actions().size() > named ? ", +"
                    + (s.actions().size() - named) + " more" : "");
            rows.add(new Table.Row(List.of(Cell.code(s.prefix()), Cell.number(s.actions().size()),
                    Cell.number(s.definiteCount()), Cell.text(levels), Cell.code(actions)), false));
        }
        return new Table("services", caption, List.of("service", "actions", "definite", "access levels",
                "actions (first)"), rows, more(shown.size() - keep, "services"));
    }
}
