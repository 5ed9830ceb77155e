package io.iamscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.analysis.findings.Affected;
import io.iamscope.analysis.findings.Category;
import io.iamscope.analysis.findings.Check;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.analysis.findings.PathStep;
import io.iamscope.analysis.findings.Severity;
import io.iamscope.analysis.findings.StatementCite;
import io.iamscope.analysis.findings.Suppression;
import io.iamscope.analysis.findings.Suppressions.Suppressed;
import io.iamscope.analysis.review.Review;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Renders a review as JSON, complete (no list is cut): schema {@code iamscope.review/1}, documented in
 * docs/review.md and docs/review.schema.json (checked by the tests); fields are only ever added.
 */
public final class ReviewJsonRenderer {
    public static final String SCHEMA = "iamscope.review/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReviewJsonRenderer() {
    }

    public static void render(Review r, PrintWriter out) {
        try {
            JsonGenerator g = MAPPER.getFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            MAPPER.writeTree(g, tree(r));
            g.flush();
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode tree(Review r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("profile", r.profile());
        root.put("asOf", r.asOf().toString());
        root.put("organization", r.organization());
        strings(root.putArray("accounts"), r.accounts());
        root.put("principals", r.principals());
        root.put("resources", r.resources());
        ObjectNode summary = root.putObject("summary");
        summary.put("findings", r.findings().size());
        summary.put("suppressed", r.suppressed().size());
        ObjectNode bySeverity = summary.putObject("bySeverity");
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            bySeverity.put(s.word(), r.bySeverity().get(s));
        }
        ObjectNode byCategory = summary.putObject("byCategory");
        for (Category c : Category.values()) {
            byCategory.put(c.word(), r.byCategory().getOrDefault(c, 0));
        }
        ArrayNode findings = root.putArray("findings");
        r.findings().forEach(f -> finding(findings.addObject(), f));
        ArrayNode suppressed = root.putArray("suppressed");
        for (Suppressed s : r.suppressed()) {
            ObjectNode o = suppressed.addObject();
            finding(o.putObject("finding"), s.finding());
            suppression(o.putObject("suppression"), s.by());
        }
        strings(root.putArray("warnings"), r.warnings());
        strings(root.putArray("notes"), r.notes());
        ArrayNode codes = root.putArray("codes");
        for (FindingCode c : FindingCode.values()) {
            ObjectNode o = codes.addObject();
            o.put("code", c.name());
            o.put("category", c.category().word());
            o.put("severity", c.severity().word());
            o.put("title", c.title());
            o.put("help", c.help());
            o.put("doc", c.doc());
        }
        return root;
    }

    static void finding(ObjectNode o, Finding f) {
        o.put("id", f.id());
        o.put("code", f.code().name());
        o.put("severity", f.severity().word());
        o.put("category", f.category().word());
        o.put("subject", f.subject());
        o.put("key", f.key());
        o.put("title", f.title());
        o.put("conditional", f.conditional());
        strings(o.putArray("conditionKeys"), f.conditionKeys());
        ArrayNode statements = o.putArray("statements");
        f.statements().forEach(s -> cite(statements.addObject(), s));
        ArrayNode path = o.putArray("path");
        f.path().forEach(s -> step(path.addObject(), s));
        strings(o.putArray("facts"), f.facts());
        ArrayNode affected = o.putArray("affected");
        for (Affected a : f.affected()) {
            ObjectNode x = affected.addObject();
            x.put("arn", a.arn());
            x.put("conditional", a.conditional());
            strings(x.putArray("conditionKeys"), a.conditionKeys());
            ArrayNode p = x.putArray("path");
            a.path().forEach(s -> step(p.addObject(), s));
        }
        ObjectNode figures = o.putObject("figures");
        for (Map.Entry<String, Long> e : f.figures().entrySet()) {
            figures.put(e.getKey(), e.getValue());
        }
        o.put("fix", f.fix());
        o.put("doc", f.doc());
    }

    private static void cite(ObjectNode o, StatementCite s) {
        o.put("policy", s.policy());
        o.put("sid", s.sid());
        o.put("index", s.index());
        o.put("pointer", s.pointer());
        o.put("location", s.location());
        o.put("layer", s.layer());
        o.put("effect", s.effect());
        o.put("action", s.action());
        o.put("resource", s.resource());
    }

    static void step(ObjectNode o, PathStep s) {
        o.put("from", s.from());
        o.put("to", s.to());
        o.put("kind", s.kind());
        o.put("technique", s.technique());
        o.put("conditional", s.conditional());
        strings(o.putArray("conditionKeys"), s.conditionKeys());
        ArrayNode checks = o.putArray("checks");
        for (Check c : s.checks()) {
            ObjectNode x = checks.addObject();
            x.put("action", c.action());
            x.put("resource", c.resource());
            x.put("outcome", c.outcome());
            x.put("conditional", c.conditional());
            x.put("condition", c.condition());
            ArrayNode by = x.putArray("grantedBy");
            c.grantedBy().forEach(b -> cite(by.addObject(), b));
        }
    }

    private static void suppression(ObjectNode o, Suppression s) {
        o.put("code", s.code());
        o.put("arn", s.arn());
        o.put("reason", s.reason());
        o.put("expires", s.expires() == null ? null : s.expires().toString());
        o.put("origin", s.origin());
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
