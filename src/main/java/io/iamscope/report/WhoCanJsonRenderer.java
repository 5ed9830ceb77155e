package io.iamscope.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.analysis.whocan.WhoCanEntry;
import io.iamscope.analysis.whocan.WhoCanResult;
import java.io.PrintWriter;
import java.util.List;

/** Renders who can perform a request as JSON (schema in docs/blast-radius.md). */
public final class WhoCanJsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WhoCanJsonRenderer() {
    }

    public static void render(WhoCanResult r, PrintWriter out) {
        BlastJsonRenderer.print(tree(r), out);
    }

    /** The answer as a JSON tree (schema {@code iamscope.who-can/1}). */
    public static ObjectNode tree(WhoCanResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", "iamscope.who-can/1");
        root.put("action", r.action());
        root.put("resource", r.resource());
        root.put("profile", r.profile());
        entries(root.putArray("direct"), r.direct());
        entries(root.putArray("viaPath"), r.viaPath());
        BlastJsonRenderer.strings(root.putArray("notes"), r.notes());
        GapWords.json(r.gaps(), root);
        return root;
    }

    private static void entries(ArrayNode into, List<WhoCanEntry> entries) {
        for (WhoCanEntry e : entries) {
            ObjectNode n = into.addObject();
            n.put("arn", e.arn());
            n.put("kind", e.kind());
            n.put("conditional", e.conditional());
            BlastJsonRenderer.strings(n.putArray("conditionKeys"), e.conditionKeys());
            n.put("through", e.through());
            n.put("statement", e.statement());
            BlastJsonRenderer.hops(n.putArray("path"), e.path());
        }
    }
}
