package io.iamscope.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.graph.AccessEdge;
import io.iamscope.access.Evidence;
import io.iamscope.graph.PrincipalNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jgrapht.GraphPath;

/**
 * Renders escalation paths as JSON (stable): {@code from}, {@code paths} [{@code to}, {@code hops},
 * {@code conditional}, {@code steps} [{@code from}, {@code to}, {@code kind}, {@code technique},
 * {@code yieldsAdmin}, {@code condition}, {@code evidence} [{@code action}, {@code resource}, {@code outcome},
 * {@code condition}, {@code grantedBy}]]]}.
 */
public final class PathsJsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PathsJsonRenderer() {
    }

    public static void render(PrincipalNode from, Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> paths,
                              PrintWriter out) {
        render(from, paths, List.of(), out);
    }

    /** The paths, {@code complete} and the collection gaps that could change them. */
    public static void render(PrincipalNode from, Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> paths,
                              List<io.iamscope.model.Gap> gaps, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        node(root.putObject("from"), from);
        ArrayNode list = root.putArray("paths");
        for (var e : paths.entrySet()) {
            ObjectNode p = list.addObject();
            node(p.putObject("to"), e.getKey());
            p.put("hops", e.getValue().getLength());
            p.put("conditional", e.getValue().getEdgeList().stream().anyMatch(AccessEdge::conditional));
            ArrayNode steps = p.putArray("steps");
            for (AccessEdge edge : e.getValue().getEdgeList()) {
                ObjectNode s = steps.addObject();
                s.put("from", edge.from().arn());
                s.put("to", edge.to().arn());
                s.put("kind", edge.kind().name().toLowerCase(Locale.ROOT));
                s.put("technique", edge.technique());
                s.put("yieldsAdmin", edge.yieldsAdmin());
                s.put("condition", edge.conditional() ? edge.condition().toString() : null);
                ArrayNode ev = s.putArray("evidence");
                for (Evidence x : edge.evidence()) {
                    ObjectNode o = ev.addObject();
                    o.put("action", x.action());
                    o.put("resource", x.resource());
                    o.put("outcome", x.outcome().word());
                    o.put("condition", x.conditional() ? x.condition().toString() : null);
                    ArrayNode by = o.putArray("grantedBy");
                    x.grantedBy().forEach(r -> by.add(r.describe()));
                }
            }
        }
        GapWords.json(gaps, root);
        try {
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void node(ObjectNode o, PrincipalNode n) {
        o.put("arn", n.arn());
        o.put("kind", n.kind().name().toLowerCase(Locale.ROOT));
        o.put("account", n.account());
    }
}
