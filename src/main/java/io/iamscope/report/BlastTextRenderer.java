package io.iamscope.report;

import io.iamscope.analysis.Hop;
import io.iamscope.analysis.blast.ActionAccess;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.Reachable;
import io.iamscope.analysis.blast.ServiceAccess;
import io.iamscope.analysis.blast.TacticAccess;
import io.iamscope.analysis.hunt.HuntTarget;
import io.iamscope.graph.GraphBuilder;
import io.iamscope.graph.NodeKind;
import io.iamscope.analysis.hunt.HuntingQuery;
import io.iamscope.catalog.AccessLevel;
import io.iamscope.catalog.Tactic;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a blast radius for a responder in a terminal, answer first: the first screen ({@link BlastAnswer})
 * says whether the attacker is an administrator and how, which accounts it reaches, the credentials to revoke,
 * the most dangerous capabilities and what to do next; then, below {@link Detail#SUMMARY}, whom it can become and
 * how, what it can do per tactic and per service, and the CloudTrail queries. Lists are cut at the bounds' limit
 * with a count and the option that shows the rest.
 */
public final class BlastTextRenderer {
    private BlastTextRenderer() {
    }

    public static void render(BlastRadius b, PrintWriter out) {
        render(b, Bounds.STANDARD, out);
    }

    public static void render(BlastRadius b, Bounds bounds, PrintWriter out) {
        out.println("blast radius of " + b.start().kind() + " `" + BlastWords.shortName(b.start().arn()) + "` ("
                + b.start().arn() + ")" + (b.start().via() == null ? "" : " via " + b.start().via()));
        out.println("attacker profile: " + b.profile());
        if (!b.gaps().isEmpty()) {
            // On the first screen: every line below it may be short of what the gaps hide.
            out.println("INCOMPLETE: " + b.gaps().size() + " collection gap" + (b.gaps().size() == 1 ? "" : "s")
                    + " could change this answer (a gap means unknown, never none): listed at the end");
        }
        out.println();
        answer(BlastAnswer.of(b, bounds, "text"), out);
        if (bounds.detail() != Detail.SUMMARY) {
            out.println("================================================================ details");
            out.println();
            reachable(b, bounds, out);
            tactics(b, bounds, out);
            services(b, bounds, out);
            hunting(b, out);
        }
        if (!b.notes().isEmpty()) {
            out.println("not covered:");
            b.notes().forEach(n -> out.println("  " + n));
        }
        if (!b.gaps().isEmpty()) {
            out.println();
            GapWords.text(b.gaps(), out);
        }
        out.flush();
    }

    private static void answer(BlastAnswer a, PrintWriter out) {
        out.println("ADMIN: " + a.verdict());
        int step = 1;
        for (Hop h : a.path()) {
            out.println("  " + step++ + ". " + BlastWords.hop(h));
            if (!h.statements().isEmpty()) {
                out.println("     " + BlastWords.allowedBy(h));
            }
        }
        out.println();
        section("ACCOUNTS", a.accounts(), out);
        section("CREDENTIALS (the start's first, then the most recently used)", a.credentials(), out);
        section("MOST DANGEROUS (in the order to act on)", a.dangers(), out);
        section("NEXT", a.next(), out);
    }

    private static void section(String title, List<String> lines, PrintWriter out) {
        if (lines.isEmpty()) {
            return;
        }
        out.println(title + ":");
        lines.forEach(l -> out.println("  " + l));
        out.println();
    }

    private static void reachable(BlastRadius b, Bounds bounds, PrintWriter out) {
        long definite = b.reachable().stream().filter(r -> !r.conditional()).count();
        out.println("REACHABLE PRINCIPALS: " + b.reachable().size() + " (" + definite + " definite, "
                + (b.reachable().size() - definite) + " conditional)");
        // Principals reached by "whoever controls account X can become them" as the last hop are many and share
        // the path to X: counted per account after the others. A principal reached beyond one of them (another
        // account entered from there) keeps its own line and path.
        Map<String, List<Reachable>> throughControl = new java.util.LinkedHashMap<>();
        List<Reachable> listed = new ArrayList<>();
        for (Reachable r : b.reachable()) {
            if (BlastWords.throughControl(r)) {
                throughControl.computeIfAbsent(r.path().get(r.path().size() - 1).from(), k -> new ArrayList<>())
                        .add(r);
            } else {
                listed.add(r);
            }
        }
        if (!bounds.full()) {
            listed = BlastWords.newsFirst(listed);
        }
        int keep = bounds.keep(listed.size());
        for (Reachable r : listed.subList(0, keep)) {
            String kind = r.kind() == NodeKind.ROOT ? "control of" : r.kind().name().toLowerCase();
            out.println("  " + kind + " `" + BlastWords.shortName(r.arn()) + "` (" + r.arn()
                    + "), " + r.path().size() + " hop" + (r.path().size() == 1 ? "" : "s")
                    + (r.admin() ? ", ADMIN" : "") + (r.conditional() ? ", conditional on "
                    + String.join(", ", Hop.keys(r.path())) : ""));
            for (Hop h : r.path()) {
                out.println("      " + BlastWords.hop(h));
            }
        }
        if (listed.size() > keep) {
            out.println("  ... and " + (listed.size() - keep) + " more (--detail full lists each with its path)");
        }
        throughControl.forEach((account, list) -> {
            long admins = list.stream().filter(Reachable::admin).count();
            long conditional = list.stream().filter(Reachable::conditional).count();
            int names = bounds.keep(list.size(), BlastAnswer.SHORT);
            out.println("  " + list.size() + " more principal" + (list.size() == 1 ? "" : "s") + " through control of `"
                    + BlastWords.shortName(account) + "` (" + admins + " admin-equivalent, " + conditional
                    + " conditional), each by the path to that account above, then `" + GraphBuilder.ACCOUNT_ADMIN
                    + "`: " + String.join(", ", list.subList(0, names).stream()
                    .map(r -> "`" + BlastWords.shortName(r.arn()) + "`").toList())
                    + (list.size() > names ? ", ... (--detail full lists them)" : ""));
        });
        out.println();
    }

    private static void tactics(BlastRadius b, Bounds bounds, PrintWriter out) {
        out.println("CAN THE ATTACKER:");
        Map<Tactic, TacticAccess> by = b.tactics().stream().collect(Collectors.toMap(TacticAccess::tactic, t -> t));
        for (Tactic t : BlastWords.order()) {
            TacticAccess ta = by.get(t);
            if (ta == null) {
                if (BlastWords.FIRST.contains(t)) {
                    out.println("  " + BlastWords.question(t) + "? no");
                }
                continue;
            }
            long definite = ta.actions().stream().filter(a -> !a.conditional()).count();
            out.println("  " + BlastWords.question(t) + "? " + (definite > 0 ? "YES" : "CONDITIONAL") + ": "
                    + ta.actions().size() + " action" + (ta.actions().size() == 1 ? "" : "s") + " (" + definite
                    + " definite)");
            list(ta.actions(), "    ", bounds, out);
        }
        out.println();
    }

    private static void services(BlastRadius b, Bounds bounds, PrintWriter out) {
        int actions = b.services().stream().mapToInt(s -> s.actions().size()).sum();
        out.println("ACCESS BY SERVICE: " + BlastWords.count(b.services().size(), "service") + ", "
                + BlastWords.count(actions, "action") + " (of " + BlastWords.count(b.principalsEvaluated().size(),
                "principal") + ")");
        List<ServiceAccess> shown = b.services();
        Set<String> controlled = BlastAnswer.controlled(b);
        if (!bounds.full() && !controlled.isEmpty()) {
            controlled.forEach(a -> out.println("  full control of " + b.accountLabel(a) + ": every service, as its"
                    + " SCPs allow (--detail full lists each service and action)"));
            shown = BeyondControl.services(b.services(), controlled);
            if (shown.isEmpty()) {
                out.println();
                return;
            }
            out.println("  beyond the controlled account" + (controlled.size() == 1 ? "" : "s") + ": "
                    + shown.size() + " service" + (shown.size() == 1 ? "" : "s") + ", granted by principals of "
                    + "other accounts");
        }
        List<ServiceAccess> ranked = BlastWords.ranked(shown);
        int detailed = bounds.keep(ranked.size());
        for (ServiceAccess s : ranked.subList(0, detailed)) {
            out.println("  " + s.prefix() + " (" + s.name() + "): " + s.actions().size() + " actions, "
                    + s.definiteCount() + " definite; " + levels(s));
            for (AccessLevel level : List.of(AccessLevel.PERMISSIONS_MANAGEMENT, AccessLevel.WRITE,
                    AccessLevel.TAGGING, AccessLevel.READ, AccessLevel.LIST)) {
                List<ActionAccess> of = new ArrayList<>();
                s.actions().stream().filter(a -> a.accessLevel() == level).forEach(of::add);
                of.sort(Comparator.comparing(ActionAccess::conditional)); // definite first, by name within
                if (!of.isEmpty()) {
                    out.println("    " + level.label() + ":");
                    list(of, "      ", bounds, out);
                }
            }
        }
        if (ranked.size() > detailed) {
            int compact = Math.min(ranked.size() - detailed, bounds.limit());
            out.println("  and " + (ranked.size() - detailed) + " more services (--detail full lists every action):");
            for (ServiceAccess s : ranked.subList(detailed, detailed + compact)) {
                out.println("    " + s.prefix() + ": " + s.actions().size() + " actions, " + s.definiteCount()
                        + " definite; " + levels(s));
            }
            if (ranked.size() > detailed + compact) {
                out.println("    ... and " + (ranked.size() - detailed - compact) + " more");
            }
        }
        out.println();
    }

    private static String levels(ServiceAccess s) {
        return s.accessLevels().entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void list(List<ActionAccess> actions, String indent, Bounds bounds, PrintWriter out) {
        int keep = bounds.keep(actions.size());
        actions.subList(0, keep).forEach(a -> out.println(indent + BlastWords.action(a)));
        if (actions.size() > keep) {
            out.println(indent + "... and " + (actions.size() - keep) + " more (--detail full lists them all)");
        }
    }

    private static void hunting(BlastRadius b, PrintWriter out) {
        long accounts = b.huntTargets().stream().filter(t -> t.kind() == HuntTarget.Kind.ACCOUNT).count();
        long keys = b.huntTargets().stream().filter(t -> t.kind() == HuntTarget.Kind.ACCESS_KEY).count();
        out.println("HUNTING QUERIES: " + BlastWords.count(b.huntTargets().size(), "target") + " ("
                + BlastWords.count(keys, "access key") + (accounts == 0 ? "" : "; "
                + BlastWords.count(accounts, "controlled account") + ", every identity of each: " + b.huntTargets().stream().filter(t -> t.kind() == HuntTarget.Kind.ACCOUNT)
                .map(HuntTarget::value).collect(java.util.stream.Collectors.joining(", "))) + ")");
        for (HuntingQuery q : b.huntingQueries()) {
            out.println("-- " + q.engine() + ": " + q.title());
            out.println(q.sql() + ";");
            out.println();
        }
    }
}
