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
import java.util.stream.Collectors;

/**
 * Renders a blast radius for a responder in a terminal, most important first: is the attacker an
 * administrator, whom can they become and how, what they can do to logging, persistence, secrets,
 * exfiltration and impact, access per service, then the CloudTrail queries. Long lists are cut with a count;
 * the JSON output holds everything.
 */
public final class BlastTextRenderer {
    static final int LIMIT = 8;

    private BlastTextRenderer() {
    }

    public static void render(BlastRadius b, PrintWriter out) {
        out.println("blast radius of " + b.start().kind() + " `" + BlastWords.shortName(b.start().arn()) + "` ("
                + b.start().arn() + ")" + (b.start().via() == null ? "" : " via " + b.start().via()));
        out.println("attacker profile: " + b.profile());
        out.println();
        out.println("ADMIN: " + BlastWords.admin(b));
        b.adminPath().forEach(h -> out.println("  " + BlastWords.hop(h)));
        out.println();
        reachable(b, out);
        tactics(b, out);
        services(b, out);
        hunting(b, out);
        if (!b.notes().isEmpty()) {
            out.println();
            out.println("not covered:");
            b.notes().forEach(n -> out.println("  " + n));
        }
        if (!b.gaps().isEmpty()) {
            out.println();
            GapWords.text(b.gaps(), out);
        }
        out.flush();
    }

    private static void reachable(BlastRadius b, PrintWriter out) {
        long definite = b.reachable().stream().filter(r -> !r.conditional()).count();
        out.println("REACHABLE PRINCIPALS: " + b.reachable().size() + " (" + definite + " definite, "
                + (b.reachable().size() - definite) + " conditional)");
        // Principals reached through "whoever controls account X can become them" are many and share the path
        // to X: counted per account after the others (the JSON lists each with its path).
        Map<String, List<Reachable>> throughControl = new java.util.LinkedHashMap<>();
        for (Reachable r : b.reachable()) {
            Hop control = r.path().stream().filter(h -> GraphBuilder.ACCOUNT_ADMIN.equals(h.technique()))
                    .findFirst().orElse(null);
            if (control != null) {
                throughControl.computeIfAbsent(control.from(), k -> new ArrayList<>()).add(r);
                continue;
            }
            String kind = r.kind() == NodeKind.ROOT ? "control of" : r.kind().name().toLowerCase();
            out.println("  " + kind + " `" + BlastWords.shortName(r.arn()) + "` (" + r.arn()
                    + "), " + r.path().size() + " hop" + (r.path().size() == 1 ? "" : "s")
                    + (r.admin() ? ", ADMIN" : "") + (r.conditional() ? ", conditional on "
                    + String.join(", ", Hop.keys(r.path())) : ""));
            for (Hop h : r.path()) {
                out.println("      " + BlastWords.hop(h));
            }
        }
        throughControl.forEach((account, list) -> {
            long admins = list.stream().filter(Reachable::admin).count();
            long conditional = list.stream().filter(Reachable::conditional).count();
            List<String> names = list.stream().limit(5).map(r -> "`" + BlastWords.shortName(r.arn()) + "`").toList();
            out.println("  " + list.size() + " more principals through control of `" + BlastWords.shortName(account)
                    + "` (" + admins + " admin-equivalent, " + conditional + " conditional), each by the path to"
                    + " that account above, then `" + GraphBuilder.ACCOUNT_ADMIN + "`: " + String.join(", ", names)
                    + (list.size() > names.size() ? ", ..." : "") + " (--format json lists each with its path)");
        });
        out.println();
    }

    private static void tactics(BlastRadius b, PrintWriter out) {
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
            list(ta.actions(), "    ", out);
        }
        out.println();
    }

    /** Services shown in detail; the rest get one line each in a compact list (JSON has everything). */
    static final int DETAILED_SERVICES = 15;

    private static void services(BlastRadius b, PrintWriter out) {
        int actions = b.services().stream().mapToInt(s -> s.actions().size()).sum();
        out.println("ACCESS BY SERVICE: " + b.services().size() + " services, " + actions + " actions (of "
                + b.principalsEvaluated().size() + " principals)");
        // At 3 a.m. what changes things comes first: services by how many permission-management and write
        // actions are reachable definitely, then conditionally; an administrator's 400 services would bury them.
        List<ServiceAccess> ranked = new ArrayList<>(b.services());
        ranked.sort(Comparator.comparingLong(BlastTextRenderer::weight).reversed()
                .thenComparing(ServiceAccess::prefix));
        for (ServiceAccess s : ranked.subList(0, Math.min(DETAILED_SERVICES, ranked.size()))) {
            out.println("  " + s.prefix() + " (" + s.name() + "): " + s.actions().size() + " actions, "
                    + s.definiteCount() + " definite; " + levels(s));
            for (AccessLevel level : List.of(AccessLevel.PERMISSIONS_MANAGEMENT, AccessLevel.WRITE,
                    AccessLevel.TAGGING, AccessLevel.READ, AccessLevel.LIST)) {
                List<ActionAccess> of = new ArrayList<>();
                s.actions().stream().filter(a -> a.accessLevel() == level).forEach(of::add);
                of.sort(Comparator.comparing(ActionAccess::conditional)); // definite first, by name within
                if (!of.isEmpty()) {
                    out.println("    " + level.label() + ":");
                    list(of, "      ", out);
                }
            }
        }
        if (ranked.size() > DETAILED_SERVICES) {
            out.println("  and " + (ranked.size() - DETAILED_SERVICES) + " more services (--format json lists every"
                    + " action):");
            for (ServiceAccess s : ranked.subList(DETAILED_SERVICES, ranked.size())) {
                out.println("    " + s.prefix() + ": " + s.actions().size() + " actions, " + s.definiteCount()
                        + " definite; " + levels(s));
            }
        }
        out.println();
    }

    private static long weight(ServiceAccess s) {
        long w = 0;
        for (ActionAccess a : s.actions()) {
            boolean changes = a.accessLevel() == AccessLevel.PERMISSIONS_MANAGEMENT || a.accessLevel() == AccessLevel.WRITE;
            w += (changes ? 10 : 1) * (a.conditional() ? 1 : 3);
        }
        return w;
    }

    private static String levels(ServiceAccess s) {
        return s.accessLevels().entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void list(List<ActionAccess> actions, String indent, PrintWriter out) {
        actions.stream().limit(LIMIT).forEach(a -> out.println(indent + BlastWords.action(a)));
        if (actions.size() > LIMIT) {
            out.println(indent + "... and " + (actions.size() - LIMIT) + " more (--format json lists them all)");
        }
    }

    private static void hunting(BlastRadius b, PrintWriter out) {
        long accounts = b.huntTargets().stream().filter(t -> t.kind() == HuntTarget.Kind.ACCOUNT).count();
        out.println("HUNTING QUERIES: " + b.huntTargets().size() + " targets ("
                + b.huntTargets().stream().filter(t -> t.kind() == HuntTarget.Kind.ACCESS_KEY).count()
                + " access keys" + (accounts == 0 ? "" : "; " + accounts + " controlled account(s), every identity of"
                + " each: " + b.huntTargets().stream().filter(t -> t.kind() == HuntTarget.Kind.ACCOUNT)
                .map(HuntTarget::value).collect(java.util.stream.Collectors.joining(", "))) + ")");
        for (HuntingQuery q : b.huntingQueries()) {
            out.println("-- " + q.engine() + ": " + q.title());
            out.println(q.sql() + ";");
            out.println();
        }
    }
}
