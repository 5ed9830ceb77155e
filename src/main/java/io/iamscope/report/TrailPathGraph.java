package io.iamscope.report;

import io.iamscope.analysis.Hop;
import io.iamscope.analysis.trail.HopStatus;
import io.iamscope.analysis.trail.ObservedHop;
import io.iamscope.analysis.trail.PrincipalUse;
import io.iamscope.analysis.trail.TrailReport;
import io.iamscope.report.html.PathGraph;
import io.iamscope.report.html.PathGraph.Fact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the trail page draws: the principals the attacker acted as, each in the column of its graph path from the
 * start (the path's hops drawn as the blast radius page draws them), the credentials handed out over them as the
 * steps taken (a principal the graph does not reach goes one column after the one that handed it out), then the
 * principals the attacker could have used and did not, nearest first, faint, whole paths only, while the drawing
 * stays under {@link BlastPathGraph#MOST} principals; the rest are counted.
 */
final class TrailPathGraph {
    private TrailPathGraph() {
    }

    static PathGraph of(TrailReport t) {
        return of(t, BlastPathGraph.MOST);
    }

    static PathGraph of(TrailReport t, int most) {
        Map<String, Integer> layers = new LinkedHashMap<>();
        Map<String, String> styles = new LinkedHashMap<>();
        layers.put(t.startArn(), 0);
        styles.put(t.startArn(), "");
        Map<String, Hop> hops = new LinkedHashMap<>();
        for (PrincipalUse p : t.principals()) {
            add(p.path(), "", layers, styles, hops);
        }
        // Hops are in time order: whoever handed out a credential is placed before the credential's principal.
        Set<String> unexpected = new java.util.HashSet<>();
        t.unpredictedPrincipals().forEach(p -> unexpected.add(p.arn()));
        for (ObservedHop h : t.hops()) {
            if (!layers.containsKey(h.from())) {
                layers.put(h.from(), 1);
                styles.put(h.from(), unexpected.contains(h.from()) ? "unexpected" : "");
            }
            if (!layers.containsKey(h.to())) {
                layers.put(h.to(), layers.get(h.from()) + 1);
                styles.put(h.to(), unexpected.contains(h.to()) ? "unexpected" : "");
            }
        }
        for (PrincipalUse p : t.principals()) {
            // Acted as without a credential handed out to it (a start's other key): one column after the start.
            layers.putIfAbsent(p.arn(), 1);
            styles.putIfAbsent(p.arn(), p.predicted() ? "" : "unexpected");
        }
        int omitted = 0;
        for (String arn : t.notUsed()) {
            List<Hop> path = t.notUsedPaths().get(arn);
            if (path == null || path.isEmpty()) {
                omitted++;
                continue;
            }
            Set<String> added = new LinkedHashSet<>();
            path.forEach(h -> {
                if (!layers.containsKey(h.to())) {
                    added.add(h.to());
                }
            });
            if (layers.size() + added.size() > most) {
                omitted++;
                continue;
            }
            add(path, "faint", layers, styles, hops);
        }
        List<PathGraph.Node> nodes = new ArrayList<>();
        // Whoever controls an account is its administrator; of the others the trail does not know (it holds ARNs).
        layers.forEach((arn, layer) -> nodes.add(new PathGraph.Node(arn, kind(arn)
                + ("unexpected".equals(styles.get(arn)) ? " · NOT PREDICTED" : ""), BlastWords.shortName(arn), layer,
                arn.equals(t.startArn()), arn.endsWith(":root"), false, styles.get(arn))));
        List<PathGraph.Walked> walked = t.hops().stream().map(TrailPathGraph::walked).toList();
        return new PathGraph(nodes, new ArrayList<>(hops.values()), walked, omitted);
    }

    private static void add(List<Hop> path, String style, Map<String, Integer> layers, Map<String, String> styles,
                            Map<String, Hop> hops) {
        for (int i = 0; i < path.size(); i++) {
            Hop h = path.get(i);
            layers.merge(h.to(), i + 1, Math::min);
            layers.putIfAbsent(h.from(), i);
            styles.putIfAbsent(h.from(), style);
            styles.putIfAbsent(h.to(), style);
            hops.putIfAbsent(h.from() + " " + h.to() + " " + h.kind() + " " + h.technique(), h);
        }
    }

    /** A credential handed out, as a step taken, with its CloudTrail event and the graph's path as evidence. */
    static PathGraph.Walked walked(ObservedHop h) {
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.text("time", h.time().toString()));
        facts.add(Fact.code("call", h.event()));
        facts.add(Fact.code("credential handed out", h.credential()));
        facts.add(Fact.code("from", h.from()));
        facts.add(Fact.code("to", h.to()));
        facts.add(Fact.text("the graph", TrailTextRenderer.status(h)));
        if (!h.graphPath().isEmpty()) {
            facts.add(new Fact("graph path", h.graphPath().stream().map(BlastWords::hop).toList(), false));
        }
        return new PathGraph.Walked(h.from(), h.to(), h.event(), h.status() == HopStatus.UNPREDICTED, facts);
    }

    /** A principal's kind, from its ARN (the trail holds ARNs). */
    static String kind(String arn) {
        if (arn.endsWith(":root")) {
            return "control of account";
        }
        int colon = arn.lastIndexOf(':');
        String resource = arn.substring(colon + 1);
        int slash = resource.indexOf('/');
        return slash > 0 ? resource.substring(0, slash) : "principal";
    }
}
