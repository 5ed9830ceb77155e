package io.iamscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.analysis.Hop;
import io.iamscope.analysis.blast.ActionAccess;
import io.iamscope.analysis.blast.BlastRadius;
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
import java.util.List;
import java.util.Locale;

/**
 * Renders a blast radius as JSON, complete (no list is cut). The schema is documented in
 * docs/blast-radius.md and stable: fields are only ever added.
 */
public final class BlastJsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BlastJsonRenderer() {
    }

    public static void render(BlastRadius b, PrintWriter out) {
        print(tree(b), out);
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

    /** The report as a JSON tree (schema {@code iamscope.blast-radius/1}). */
    public static ObjectNode tree(BlastRadius b) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", "iamscope.blast-radius/1");
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
        ArrayNode reachable = root.putArray("reachable");
        for (Reachable r : b.reachable()) {
            ObjectNode n = reachable.addObject();
            n.put("arn", r.arn());
            n.put("kind", lower(r.kind().name()));
            n.put("account", r.account());
            n.put("conditional", r.conditional());
            n.put("admin", r.admin());
            n.put("adminConditional", r.adminConditional());
            hops(n.putArray("path"), r.path());
        }
        strings(root.putArray("principalsEvaluated"), b.principalsEvaluated());
        ArrayNode tactics = root.putArray("tactics");
        for (TacticAccess t : b.tactics()) {
            ObjectNode n = tactics.addObject();
            n.put("tactic", t.tactic().id());
            n.put("conditional", t.conditional());
            strings(n.putArray("why"), t.why());
            actions(n.putArray("actions"), t.actions());
        }
        ArrayNode services = root.putArray("services");
        for (ServiceAccess s : b.services()) {
            ObjectNode n = services.addObject();
            n.put("prefix", s.prefix());
            n.put("name", s.name());
            ObjectNode levels = n.putObject("accessLevels");
            s.accessLevels().forEach((level, count) -> levels.put(level.label(), count));
            actions(n.putArray("actions"), s.actions());
        }
        ArrayNode sets = root.putArray("resourceSets");
        for (ResourceSet set : b.resourceSets()) {
            ObjectNode n = sets.addObject();
            n.put("id", set.id());
            n.put("account", set.account());
            n.put("service", set.service());
            n.put("type", set.type());
            n.put("count", set.members().size());
            strings(n.putArray("members"), set.members());
        }
        ArrayNode targets = root.putArray("huntTargets");
        for (HuntTarget t : b.huntTargets()) {
            targets.addObject().put("kind", lower(t.kind().name())).put("value", t.value());
        }
        ArrayNode queries = root.putArray("huntingQueries");
        for (HuntingQuery q : b.huntingQueries()) {
            queries.addObject().put("engine", q.engine()).put("title", q.title()).put("sql", q.sql());
        }
        strings(root.putArray("notes"), b.notes());
        GapWords.json(b.gaps(), root);
        return root;
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

    private static void actions(ArrayNode into, List<ActionAccess> actions) {
        for (ActionAccess a : actions) {
            ObjectNode n = into.addObject();
            n.put("action", a.action());
            n.put("accessLevel", a.accessLevel().label());
            n.put("conditional", a.conditional());
            ArrayNode resources = n.putArray("resources");
            for (ResourceAccess r : a.resources()) {
                ObjectNode rn = resources.addObject();
                rn.put("resource", r.resource());
                rn.put("concrete", r.concrete());
                rn.put("count", r.count());
                rn.put("resourceSet", r.set() == null ? null : r.set().id());
                rn.put("conditional", r.conditional());
                ArrayNode by = rn.putArray("grantedBy");
                for (Grantor g : r.grantedBy()) {
                    ObjectNode gn = by.addObject();
                    gn.put("principal", g.principal());
                    gn.put("conditional", g.conditional());
                    strings(gn.putArray("conditionKeys"), g.conditionKeys());
                    gn.put("statement", g.statement());
                }
            }
        }
    }

    static void strings(ArrayNode into, Iterable<String> values) {
        values.forEach(into::add);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
