package io.iamscope.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.analysis.Hop;
import io.iamscope.analysis.trail.ActionUse;
import io.iamscope.analysis.trail.Change;
import io.iamscope.analysis.trail.CredentialUse;
import io.iamscope.analysis.trail.ObservedHop;
import io.iamscope.analysis.trail.PrincipalUse;
import io.iamscope.analysis.trail.ResourceUse;
import io.iamscope.analysis.trail.TacticUse;
import io.iamscope.analysis.trail.TrailReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Renders {@code iamscope trail} as JSON: everything, nothing cut (docs/trail.md, "JSON"). */
public final class TrailJsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrailJsonRenderer() {
    }

    public static void render(TrailReport t, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("start", t.start());
        root.put("startArn", t.startArn());
        time(root, "since", t.since());
        time(root, "until", t.until());
        ObjectNode logs = root.putObject("logs");
        logs.put("files", t.logs().files());
        logs.put("records", t.logs().records());
        logs.put("outsideWindow", t.logs().outside());
        strings(logs.putArray("warnings"), t.logs().warnings());
        ObjectNode summary = root.putObject("summary");
        summary.put("principalsUsed", t.principals().size());
        summary.put("reachable", t.reachable());
        summary.put("credentials", t.credentials().size());
        summary.put("calls", t.calls());
        summary.put("denied", t.denied());
        summary.put("unpredictedHops", t.unpredicted().size());
        summary.put("unexplainedCalls", t.unexplained().size());
        summary.put("actionsNotChecked", t.actionsNotChecked());
        summary.put("changesApplied", t.changesApplied());
        summary.put("windowHidesChanges", t.windowHidesChanges());
        ArrayNode principals = root.putArray("principals");
        for (PrincipalUse p : t.principals()) {
            ObjectNode n = principals.addObject();
            n.put("arn", p.arn());
            n.put("predicted", p.predicted());
            time(n, "first", p.first());
            time(n, "last", p.last());
            n.put("credentials", p.credentials());
            n.put("calls", p.calls());
            n.put("denied", p.denied());
            hops(n.putArray("path"), p.path());
        }
        ArrayNode hops = root.putArray("hops");
        for (ObservedHop h : t.hops()) {
            ObjectNode n = hops.addObject();
            time(n, "time", h.time());
            n.put("event", h.event());
            n.put("from", h.from());
            n.put("to", h.to());
            n.put("credential", h.credential());
            n.put("status", TrailTextRenderer.statusWord(h.status()));
            hops(n.putArray("graphPath"), h.graphPath());
        }
        ArrayNode credentials = root.putArray("credentials");
        for (CredentialUse c : t.credentials()) {
            ObjectNode n = credentials.addObject();
            n.put("key", c.key());
            n.put("identityArn", c.identityArn());
            n.put("principalArn", c.principalArn());
            n.put("issuedBy", c.issuedBy());
            time(n, "first", c.first());
            time(n, "last", c.last());
            strings(n.putArray("sourceIps"), c.sourceIps());
            strings(n.putArray("regions"), c.regions());
            strings(n.putArray("userAgents"), c.userAgents());
            n.put("calls", c.calls());
            n.put("denied", c.denied());
        }
        ArrayNode actions = root.putArray("actions");
        for (ActionUse a : t.actions()) {
            ObjectNode n = actions.addObject();
            n.put("action", a.action());
            n.put("succeeded", a.succeeded());
            n.put("denied", a.denied());
            n.put("failed", a.failed());
            n.put("deniedOn", a.deniedOn());
            n.put("tactic", TrailTextRenderer.tacticWord(a.tactic()));
            time(n, "first", a.first());
            time(n, "last", a.last());
        }
        ArrayNode tactics = root.putArray("tactics");
        for (TacticUse u : t.tactics()) {
            ObjectNode n = tactics.addObject();
            n.put("tactic", TrailTextRenderer.tacticWord(u.tactic()));
            time(n, "first", u.first());
            time(n, "last", u.last());
            n.put("calls", u.calls());
            n.put("denied", u.denied());
            strings(n.putArray("actions"), u.actions());
        }
        ArrayNode resources = root.putArray("resources");
        for (ResourceUse r : t.resources()) {
            resources.addObject().put("arn", r.arn()).put("calls", r.calls());
        }
        root.put("resourcesNotListed", t.resourcesNotListed());
        ArrayNode changes = root.putArray("changes");
        for (Change c : t.changes()) {
            ObjectNode n = changes.addObject();
            time(n, "time", c.time());
            n.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
            n.put("tactic", TrailTextRenderer.tacticWord(c.tactic()));
            n.put("action", c.action());
            n.put("principal", c.principal());
            n.put("credential", c.credential());
            n.put("target", c.target());
            n.put("outcome", c.outcome());
        }
        ArrayNode unexplained = root.putArray("unexplainedCalls");
        for (io.iamscope.analysis.trail.UnexplainedCall c : t.unexplained()) {
            unexplained.addObject().put("principal", c.principalArn()).put("action", c.action())
                    .put("resource", c.resource()).put("succeeded", c.succeeded()).put("decision", c.decision())
                    .put("first", c.first().toString());
        }
        strings(root.putArray("reachableNotUsed"), t.notUsed());
        ObjectNode after = root.putObject("afterChanges");
        time(after, "asOf", t.after().asOf());
        after.put("changesApplied", t.after().changes());
        time(after, "lastApplied", t.after().lastApplied());
        after.put("pending", t.after().pending());
        strings(after.putArray("unknownKeys"), t.after().unknownKeys());
        ArrayNode held = after.putArray("held");
        for (io.iamscope.analysis.trail.HeldCredential h : t.after().held()) {
            ObjectNode n = held.addObject();
            n.put("principal", h.principalArn());
            n.put("how", h.how());
            time(n, "time", h.time());
            n.put("before", h.before().name());
            n.put("after", h.after().name());
            n.put("beforeConditional", h.beforeIf());
            n.put("afterConditional", h.afterIf());
        }
        after.set("comparison", DiffJsonRenderer.tree(t.after().diff()));
        try {
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void hops(ArrayNode array, List<Hop> path) {
        for (Hop h : path) {
            ObjectNode n = array.addObject();
            n.put("from", h.from());
            n.put("to", h.to());
            n.put("kind", h.kind().name().toLowerCase(java.util.Locale.ROOT));
            n.put("technique", h.technique());
            n.put("conditional", h.conditional());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void time(ObjectNode n, String field, Instant t) {
        if (t == null) {
            n.putNull(field);
        } else {
            n.put(field, t.toString());
        }
    }
}
