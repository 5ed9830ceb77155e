package io.iamscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.analysis.diff.Change;
import io.iamscope.analysis.diff.FindingChange;
import io.iamscope.analysis.diff.PrincipalChange;
import io.iamscope.analysis.diff.SnapshotDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * {@code iamscope diff} as JSON, schema {@code iamscope.diff/1} (docs/diff.md): every change, every principal
 * change (newly reachable principals listed up to a bound, with their count) and every finding change, the
 * findings in the review's own form. Fields are only ever added.
 */
public final class DiffJsonRenderer {
    public static final String SCHEMA = "iamscope.diff/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DiffJsonRenderer() {
    }

    public static void render(SnapshotDiff d, PrintWriter out) {
        try {
            JsonGenerator g = MAPPER.getFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            MAPPER.writeTree(g, tree(d));
            g.flush();
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(SnapshotDiff d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("before", d.before());
        root.put("after", d.after());
        root.put("empty", d.isEmpty());
        ArrayNode warnings = root.putArray("warnings");
        d.warnings().forEach(warnings::add);
        ArrayNode changes = root.putArray("changes");
        d.changes().forEach(c -> change(changes.addObject(), c));
        ArrayNode principals = root.putArray("principals");
        d.principals().forEach(p -> principal(principals.addObject(), p));
        ArrayNode findings = root.putArray("findings");
        d.findings().forEach(f -> finding(findings.addObject(), f));
        return root;
    }

    private static void change(ObjectNode o, Change c) {
        o.put("kind", c.kind().word());
        o.put("subject", c.subject());
        o.put("what", c.what());
        o.put("detail", c.detail());
        if (c.patch() != null) {
            try {
                o.set("patch", MAPPER.readTree(c.patch().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (c.document() != null) {
            try {
                o.set("document", MAPPER.readTree(c.document().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void principal(ObjectNode o, PrincipalChange p) {
        o.put("arn", p.arn());
        o.put("before", p.before().name());
        o.put("after", p.after().name());
        o.put("gained", p.gained());
        ArrayNode steps = o.putArray("pathToAdmin");
        p.pathToAdmin().forEach(s -> ReviewJsonRenderer.step(steps.addObject(), s));
        ArrayNode newly = o.putArray("newlyReachable");
        p.newlyReachable().forEach(newly::add);
        o.put("newlyReachableCount", p.newlyCount());
        ArrayNode accounts = o.putArray("newAccounts");
        p.newAccounts().forEach(accounts::add);
        o.put("noLongerReachableCount", p.lostCount());
    }

    private static void finding(ObjectNode o, FindingChange f) {
        o.put("change", switch (f.kind()) {
            case ADDED -> "new";
            case CHANGED -> "widened";
            case REMOVED -> "resolved";
        });
        ArrayNode newly = o.putArray("newlyAffected");
        f.newlyAffected().forEach(newly::add);
        ReviewJsonRenderer.finding(o.putObject("finding"), f.finding());
    }
}
