package io.iamscope.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.analysis.blast.ActionAccess;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.CredentialUse;
import io.iamscope.analysis.blast.Grantor;
import io.iamscope.analysis.blast.Reachable;
import io.iamscope.analysis.blast.ResourceAccess;
import io.iamscope.analysis.blast.ResourceSet;
import io.iamscope.analysis.blast.ServiceAccess;
import io.iamscope.analysis.blast.TacticAccess;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a blast radius as JSON lines, one record a line, for a SIEM or a notebook: the start, then one record
 * per reachable principal, per grant (a principal, an action, a resource scope), per resource set and per
 * credential. Every grant is written (no bound), one line at a time: nothing but the line is held.
 * docs/blast-radius.md, "JSON lines", lists the fields.
 */
public final class BlastJsonLinesRenderer {
    static final String SCHEMA = "iamscope.blast-radius-lines/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BlastJsonLinesRenderer() {
    }

    public static void render(BlastRadius b, PrintWriter out) {
        ObjectNode start = record("start");
        start.put("schema", SCHEMA);
        start.put("query", b.start().query());
        start.put("arn", b.start().arn());
        start.put("kind", b.start().kind());
        start.put("account", b.start().account());
        start.put("via", b.start().via());
        start.put("profile", b.profile());
        start.put("adminEquivalent", b.adminEquivalent());
        start.put("canReachAdmin", b.canReachAdmin());
        start.put("adminConditional", b.adminConditional());
        start.put("adminVia", b.adminVia());
        BlastJsonRenderer.hops(start.putArray("adminPath"), b.adminPath());
        line(start, out);
        for (Reachable r : b.reachable()) {
            ObjectNode n = record("principal");
            n.put("arn", r.arn());
            n.put("kind", BlastJsonRenderer.lower(r.kind().name()));
            n.put("account", r.account());
            n.put("hops", r.path().size());
            n.put("conditional", r.conditional());
            n.put("admin", r.admin());
            n.put("adminConditional", r.adminConditional());
            BlastJsonRenderer.hops(n.putArray("path"), r.path());
            line(n, out);
        }
        Map<String, List<String>> tactics = tacticsByAction(b);
        for (ServiceAccess s : b.services()) {
            for (ActionAccess a : s.actions()) {
                for (ResourceAccess r : a.resources()) {
                    for (Grantor g : r.grantedBy()) {
                        ObjectNode n = record("grant");
                        n.put("principal", g.principal());
                        n.put("service", s.prefix());
                        n.put("action", a.action());
                        n.put("accessLevel", a.accessLevel().label());
                        n.put("resource", r.resource());
                        n.put("resourceSet", r.set() == null ? null : r.set().id());
                        n.put("count", r.count());
                        n.put("concrete", r.concrete());
                        n.put("conditional", g.conditional());
                        BlastJsonRenderer.strings(n.putArray("conditionKeys"), g.conditionKeys());
                        n.put("statement", g.statement());
                        BlastJsonRenderer.strings(n.putArray("tactics"), tactics.getOrDefault(a.action(), List.of()));
                        line(n, out);
                    }
                }
            }
        }
        for (ResourceSet set : b.resourceSets()) {
            ObjectNode n = record("resourceSet");
            n.put("id", set.id());
            n.put("account", set.account());
            n.put("service", set.service());
            n.put("type", set.type());
            n.put("count", set.members().size());
            BlastJsonRenderer.strings(n.putArray("members"), set.members());
            line(n, out);
        }
        for (CredentialUse c : b.credentials()) {
            ObjectNode n = record("credential");
            n.put("principal", c.principal());
            n.put("kind", c.kind());
            n.put("id", c.id());
            n.put("status", c.status());
            n.put("created", c.created());
            n.put("lastUsed", c.lastUsed());
            n.put("lastUsedService", c.lastUsedService());
            n.put("lastUsedRegion", c.lastUsedRegion());
            n.put("start", c.start());
            line(n, out);
        }
        out.flush();
    }

    private static Map<String, List<String>> tacticsByAction(BlastRadius b) {
        Map<String, List<String>> out = new HashMap<>();
        for (TacticAccess t : b.tactics()) {
            t.actions().forEach(a -> out.computeIfAbsent(a.action(), k -> new ArrayList<>()).add(t.tactic().id()));
        }
        return out;
    }

    private static ObjectNode record(String kind) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("record", kind);
        return n;
    }

    private static void line(ObjectNode n, PrintWriter out) {
        try {
            out.println(MAPPER.writeValueAsString(n));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
