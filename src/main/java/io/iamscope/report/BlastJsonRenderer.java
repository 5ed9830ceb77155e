package io.iamscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.analysis.Hop;
import io.iamscope.analysis.blast.ActionAccess;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.CredentialUse;
import io.iamscope.analysis.blast.Grantor;
import io.iamscope.analysis.blast.Reachable;
import io.iamscope.analysis.blast.ResourceAccess;
import io.iamscope.analysis.blast.ResourceSet;
import io.iamscope.analysis.blast.ServiceAccess;
import io.iamscope.analysis.blast.TacticAccess;
import io.iamscope.analysis.hunt.HuntTarget;
import io.iamscope.analysis.hunt.HuntingQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * Renders a blast radius as JSON. The schema is documented in docs/blast-radius.md (and
 * docs/blast-radius.schema.json) and stable: fields are only ever added. Below {@link Detail#FULL} every list is
 * cut at the bounds' limit and says so: a sibling field {@code <list>Omitted} counts the entries left out (a large
 * account's complete report is tens of megabytes).
 */
public final class BlastJsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * Entries kept of the lists inside an entry (an action's resources, their grantors, a set's members) below
     * full detail: the first say where and by whom; the limit of the outer lists, multiplied through three
     * levels, would not bound the size.
     */
    static final int NESTED = 3;

    private BlastJsonRenderer() {
    }

    public static void render(BlastRadius b, PrintWriter out) {
        render(b, Bounds.STANDARD, out);
    }

    public static void render(BlastRadius b, Bounds bounds, PrintWriter out) {
        print(tree(b, bounds), out);
    }

    /** Prints a tree built by {@link #tree} (possibly with more fields added). */
    public static void print(ObjectNode root, PrintWriter out) {
        try {
            // Written as it is generated: a large account's report is tens of megabytes, not worth a String too.
            MAPPER.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    /** The report as a JSON tree (schema {@code iamscope.blast-radius/1}), its lists cut as {@code bounds} say. */
    public static ObjectNode tree(BlastRadius b, Bounds bounds) {
        return new Writer(bounds).tree(b);
    }

    /** One rendering: the bounds, and the resource sets its kept entries name. */
    private static final class Writer {
        private final Bounds bounds;
        private final boolean summary;
        private final Set<String> setsNamed = new HashSet<>();

        Writer(Bounds bounds) {
            this.bounds = bounds;
            this.summary = bounds.detail() == Detail.SUMMARY;
        }

        ObjectNode tree(BlastRadius b) {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("schema", "iamscope.blast-radius/1");
            root.put("detail", lower(bounds.detail().name()));
            if (!bounds.full()) {
                root.put("limit", bounds.limit());
            }
            ObjectNode start = root.putObject("start");
            start.put("query", b.start().query());
            start.put("arn", b.start().arn());
            start.put("kind", b.start().kind());
            start.put("account", b.start().account());
            start.put("via", b.start().via());
            root.put("profile", b.profile());
            root.put("adminEquivalent", b.adminEquivalent());
            root.put("canReachAdmin", b.canReachAdmin());
            root.put("adminConditional", b.adminConditional());
            root.put("adminVia", b.adminVia());
            hops(root.putArray("adminPath"), b.adminPath());
            for (Reachable r : cut(root, "reachable", reachable(b), bounds.keep(b.reachable().size()))) {
                ObjectNode n = ((ArrayNode) root.get("reachable")).addObject();
                n.put("arn", r.arn());
                n.put("kind", lower(r.kind().name()));
                n.put("account", r.account());
                n.put("conditional", r.conditional());
                n.put("admin", r.admin());
                n.put("adminConditional", r.adminConditional());
                hops(n.putArray("path"), r.path());
            }
            List<String> evaluated = b.principalsEvaluated();
            fill(root, "principalsEvaluated", cut(root, "principalsEvaluated", evaluated,
                    summary ? 0 : bounds.keep(evaluated.size())));
            ArrayNode tactics = root.putArray("tactics");
            for (TacticAccess t : b.tactics()) {
                ObjectNode n = tactics.addObject();
                n.put("tactic", t.tactic().id());
                n.put("conditional", t.conditional());
                strings(n.putArray("why"), t.why());
                actions(n, t.actions(), summary ? bounds.keep(t.actions().size(), BlastAnswer.NAMED)
                        : bounds.keep(t.actions().size()));
            }
            // Cut, the services that change most come first; complete, in the analysis's order.
            List<ServiceAccess> services = bounds.full() ? b.services() : BlastWords.ranked(b.services());
            for (ServiceAccess s : cut(root, "services", services, summary ? 0 : bounds.keep(services.size()))) {
                ObjectNode n = ((ArrayNode) root.get("services")).addObject();
                n.put("prefix", s.prefix());
                n.put("name", s.name());
                ObjectNode levels = n.putObject("accessLevels");
                s.accessLevels().forEach((level, count) -> levels.put(level.label(), count));
                actions(n, s.actions(), bounds.keep(s.actions().size()));
            }
            List<ResourceSet> sets = bounds.full() ? b.resourceSets()
                    : b.resourceSets().stream().filter(set -> setsNamed.contains(set.id())).toList();
            ArrayNode setsNode = root.putArray("resourceSets");
            if (sets.size() < b.resourceSets().size()) {
                root.put("resourceSetsOmitted", b.resourceSets().size() - sets.size());
            }
            for (ResourceSet set : sets) {
                ObjectNode n = setsNode.addObject();
                n.put("id", set.id());
                n.put("account", set.account());
                n.put("service", set.service());
                n.put("type", set.type());
                n.put("count", set.members().size());
                fill(n, "members", cut(n, "members", set.members(), bounds.keep(set.members().size(), NESTED)));
            }
            for (HuntTarget t : cut(root, "huntTargets", b.huntTargets(), bounds.keep(b.huntTargets().size()))) {
                ((ArrayNode) root.get("huntTargets")).addObject().put("kind", lower(t.kind().name()))
                        .put("value", t.value());
            }
            // The queries are what a responder runs next: never cut (each names every target).
            ArrayNode queries = root.putArray("huntingQueries");
            for (HuntingQuery q : b.huntingQueries()) {
                queries.addObject().put("engine", q.engine()).put("title", q.title()).put("sql", q.sql());
            }
            strings(root.putArray("notes"), b.notes());
            for (CredentialUse c : cut(root, "credentials", b.credentials(),
                    bounds.keep(b.credentials().size(), summary ? BlastAnswer.SHORT : Integer.MAX_VALUE))) {
                ObjectNode n = ((ArrayNode) root.get("credentials")).addObject();
                n.put("principal", c.principal());
                n.put("kind", c.kind());
                n.put("id", c.id());
                n.put("status", c.status());
                n.put("created", c.created());
                n.put("lastUsed", c.lastUsed());
                n.put("lastUsedService", c.lastUsedService());
                n.put("lastUsedRegion", c.lastUsedRegion());
                n.put("start", c.start());
            }
            return root;
        }

        /** Nearest first; when cut, news first ({@link BlastWords#newsFirst}). */
        private List<Reachable> reachable(BlastRadius b) {
            if (bounds.full()) {
                return b.reachable();
            }
            return BlastWords.newsFirst(b.reachable());
        }

        /** Puts the array {@code name} on {@code parent} and says how many were left out; the entries to write. */
        private static <T> List<T> cut(ObjectNode parent, String name, List<T> all, int keep) {
            parent.putArray(name);
            if (keep < all.size()) {
                parent.put(name + "Omitted", all.size() - keep);
            }
            return all.subList(0, keep);
        }

        private static void fill(ObjectNode parent, String name, List<String> values) {
            ArrayNode into = (ArrayNode) parent.get(name);
            values.forEach(into::add);
        }

        private void actions(ObjectNode parent, List<ActionAccess> all, int keep) {
            ArrayNode into = parent.putArray("actions");
            if (keep < all.size()) {
                parent.put("actionsOmitted", all.size() - keep);
            }
            for (ActionAccess a : all.subList(0, keep)) {
                ObjectNode n = into.addObject();
                n.put("action", a.action());
                n.put("accessLevel", a.accessLevel().label());
                n.put("conditional", a.conditional());
                for (ResourceAccess r : cut(n, "resources", a.resources(), bounds.keep(a.resources().size(), NESTED))) {
                    ObjectNode rn = ((ArrayNode) n.get("resources")).addObject();
                    rn.put("resource", r.resource());
                    rn.put("concrete", r.concrete());
                    rn.put("count", r.count());
                    rn.put("resourceSet", r.set() == null ? null : r.set().id());
                    if (r.set() != null) {
                        setsNamed.add(r.set().id());
                    }
                    rn.put("conditional", r.conditional());
                    for (Grantor g : cut(rn, "grantedBy", r.grantedBy(), bounds.keep(r.grantedBy().size(), NESTED))) {
                        ObjectNode gn = ((ArrayNode) rn.get("grantedBy")).addObject();
                        gn.put("principal", g.principal());
                        gn.put("conditional", g.conditional());
                        strings(gn.putArray("conditionKeys"), g.conditionKeys());
                        gn.put("statement", g.statement());
                    }
                }
            }
        }
    }

    static void hops(ArrayNode into, List<Hop> hops) {
        for (Hop h : hops) {
            ObjectNode n = into.addObject();
            n.put("from", h.from());
            n.put("to", h.to());
            n.put("kind", lower(h.kind().name()));
            n.put("technique", h.technique());
            n.put("evidence", h.evidence());
            n.put("conditional", h.conditional());
            strings(n.putArray("conditionKeys"), h.conditionKeys());
        }
    }

    static void strings(ArrayNode into, Iterable<String> values) {
        values.forEach(into::add);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
