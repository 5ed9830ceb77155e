package io.iamscope.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.eval.Constraint;
import io.iamscope.eval.Decision;
import io.iamscope.eval.MatchedStatement;
import io.iamscope.eval.Request;
import io.iamscope.access.Gathered;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Renders the answer of {@code iamscope can} as JSON (stable; documented in docs/sample-org.md):
 * {@code decision}, {@code conditional} (the unknown keys, empty when definite), {@code condition},
 * {@code otherwise}, {@code rule} (a service's rule that decided, or null: {@code code}, {@code summary},
 * {@code source}), {@code principal}, {@code request}, {@code reasons}, {@code layers}, {@code notes},
 * {@code errors}.
 */
public final class CanJsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CanJsonRenderer() {
    }

    public static void render(Gathered g, Decision d, PrintWriter out) {
        print(tree(g, d), out);
    }

    /** Prints a tree built by {@link #tree} (possibly with more fields added). */
    public static void print(ObjectNode root, PrintWriter out) {
        try {
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** The answer as a JSON tree: {@code decision}, {@code conditional}, {@code reasons}, {@code layers}, ... */
    public static ObjectNode tree(Gathered g, Decision d) {
        ObjectNode root = MAPPER.createObjectNode();
        Request r = g.request();
        root.put("decision", d.outcome().word());
        ArrayNode keys = root.putArray("conditional");
        d.conditionalKeys().forEach(keys::add);
        root.put("condition", d.isConditional() ? d.condition().toString() : null);
        root.put("otherwise", d.otherwise() == null ? null : d.otherwise().word());
        if (d.rule() == null) {
            root.putNull("rule");
        } else {
            ObjectNode rule = root.putObject("rule");
            rule.put("code", d.rule().code());
            rule.put("summary", d.rule().summary());
            rule.put("source", d.rule().source());
        }
        ObjectNode p = root.putObject("principal");
        p.put("arn", g.principal().arn());
        p.put("kind", g.principal().kind().name().toLowerCase(java.util.Locale.ROOT));
        p.put("caller", r.caller().arn());
        p.put("via", g.principal().via());
        ObjectNode req = root.putObject("request");
        req.put("action", r.action());
        req.put("resource", r.resource());
        req.put("resourceAccount", r.resourceAccount());
        ArrayNode reasons = root.putArray("reasons");
        for (MatchedStatement s : d.statements()) {
            reasons.add(reason(s));
        }
        ArrayNode layers = root.putArray("layers");
        for (LayerRow row : LayerRow.of(g, d)) {
            ObjectNode l = layers.addObject();
            l.put("layer", row.layer().name());
            if (row.level() >= 0) {
                l.put("level", row.level());
            }
            l.put("name", row.name());
            l.put("verdict", row.verdict());
            l.put("when", row.when());
            ArrayNode st = l.putArray("statements");
            row.statements().forEach(s -> st.add(reason(s)));
        }
        ArrayNode notes = root.putArray("notes");
        g.notes().forEach(notes::add);
        ArrayNode errors = root.putArray("errors");
        d.errors().forEach(e -> errors.add(e.toString()));
        return root;
    }

    private static ObjectNode reason(MatchedStatement s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("layer", s.ref().layer().name());
        if (s.ref().level() >= 0) {
            n.put("level", s.ref().level());
        }
        n.put("policy", s.ref().policy());
        n.put("sid", s.ref().sid());
        n.put("index", s.ref().index());
        n.put("effect", s.ref().effect().name().equals("ALLOW") ? "Allow" : "Deny");
        n.put("when", s.when() == Constraint.TRUE ? null : s.when().toString());
        return n;
    }
}
