package io.iamscope.report;

import io.iamscope.analysis.Hop;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.Reachable;
import io.iamscope.graph.NodeKind;
import io.iamscope.report.html.PathGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paths of a blast radius that its page draws: the path to an administrator first, then each reachable
 * principal's shortest path (those beyond the controlled accounts before the many inside them), as long as the
 * drawing stays under {@link #MOST} principals; the rest are counted, not drawn, so that a 15,000-principal
 * account gives a drawing a person can read. A principal reached only as one of a controlled account's is not
 * drawn on its own: the account's node says how many it stands for, as the text report does (the fan of a
 * large account would otherwise fill the drawing). A principal's layer is its path's length.
 */
final class BlastPathGraph {
    /** Principals drawn at most, the start included. */
    static final int MOST = 60;

    private BlastPathGraph() {
    }

    static PathGraph of(BlastRadius b) {
        return of(b, MOST);
    }

    static PathGraph of(BlastRadius b, int most) {
        Map<String, Reachable> reachable = new HashMap<>();
        b.reachable().forEach(r -> reachable.put(r.arn(), r));
        List<List<Hop>> paths = new ArrayList<>();
        paths.add(BlastAnswer.adminHops(b));
        BlastWords.newsFirst(b.reachable()).forEach(r -> paths.add(r.path()));
        Map<String, Integer> layers = new LinkedHashMap<>();
        layers.put(b.start().arn(), 0);
        Map<String, Hop> hops = new LinkedHashMap<>();
        Map<String, Integer> fans = new HashMap<>();
        for (List<Hop> path : paths) {
            if (path.size() > 1 && controlsAccount(reachable.get(path.get(path.size() - 1).from()))) {
                fans.merge(path.get(path.size() - 1).from(), 1, Integer::sum);
                continue;
            }
            if (withinControlledAccount(path, reachable)) {
                continue; // a group of the account reached through one of its users, say: the account stands for it
            }
            Set<String> added = new LinkedHashSet<>();
            path.forEach(h -> {
                if (!layers.containsKey(h.to())) {
                    added.add(h.to());
                }
            });
            if (layers.size() + added.size() > most) {
                continue;
            }
            for (int i = 0; i < path.size(); i++) {
                Hop h = path.get(i);
                layers.merge(h.to(), i + 1, Math::min);
                layers.putIfAbsent(h.from(), i);
                hops.putIfAbsent(h.from() + " " + h.to() + " " + h.kind() + " " + h.technique(), h);
            }
        }
        List<PathGraph.Node> nodes = new ArrayList<>();
        layers.forEach((arn, layer) -> nodes.add(node(b, reachable.get(arn), arn, layer, fans.getOrDefault(arn, 0))));
        int omitted = (int) b.reachable().stream().filter(r -> !layers.containsKey(r.arn())).count();
        return new PathGraph(nodes, new ArrayList<>(hops.values()), omitted);
    }

    private static boolean controlsAccount(Reachable r) {
        return r != null && r.kind() == NodeKind.ROOT;
    }

    /** Whether the path goes through the control of an account and ends inside that account. */
    private static boolean withinControlledAccount(List<Hop> path, Map<String, Reachable> reachable) {
        if (path.isEmpty()) {
            return false; // the start's own (an administrator already has no path to one)
        }
        Reachable end = reachable.get(path.get(path.size() - 1).to());
        for (Hop h : path) {
            Reachable from = reachable.get(h.from());
            if (controlsAccount(from) && end != null && from.account() != null && from.account().equals(end.account())) {
                return true;
            }
        }
        return false;
    }

    private static PathGraph.Node node(BlastRadius b, Reachable r, String arn, int layer, int fan) {
        if (arn.equals(b.start().arn())) {
            return new PathGraph.Node(arn, b.start().kind(), BlastWords.shortName(arn), 0, true,
                    b.adminEquivalent() && b.adminHow().isEmpty(), b.adminConditional());
        }
        if (r == null) {
            return new PathGraph.Node(arn, "principal", BlastWords.shortName(arn), layer, false, false, false);
        }
        boolean account = r.kind() == NodeKind.ROOT;
        String kind = !account ? r.kind().name().toLowerCase(java.util.Locale.ROOT)
                : fan > 0 ? "account (" + fan + " principal" + (fan == 1 ? "" : "s") + ")"
                : "control of account";
        return new PathGraph.Node(arn, kind, account ? b.accountLabel(r.account()) : BlastWords.shortName(arn), layer,
                false, r.admin(),
                r.adminConditional());
    }
}
