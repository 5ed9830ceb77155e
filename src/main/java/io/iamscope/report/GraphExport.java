package io.iamscope.report;

import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.PrincipalNode;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.json.JSONExporter;

/**
 * Exports the access graph: DOT, GraphML and JSON through JGraphT's exporters (node attributes {@code arn},
 * {@code kind}, {@code account}; edge attributes {@code kind}, {@code technique}, {@code conditional},
 * {@code yieldsAdmin}); Mermaid written here (JGraphT has no Mermaid exporter).
 */
public final class GraphExport {
    /** Export formats. */
    public enum Format { dot, graphml, json, mermaid }

    private GraphExport() {
    }

    public static void write(Graph<PrincipalNode, AccessEdge> graph, Format format, PrintWriter out) {
        write(graph, format, false, out);
    }

    /**
     * @param layered whether the graph is one start's paths (a tree): DOT then lays it out left to right, each
     *                node in the column of its hop count, and marks conditional edges dashed
     */
    public static void write(Graph<PrincipalNode, AccessEdge> graph, Format format, boolean layered,
                             PrintWriter out) {
        Map<PrincipalNode, String> ids = new HashMap<>();
        int i = 0;
        for (PrincipalNode n : graph.vertexSet()) {
            ids.put(n, "n" + i++);
        }
        switch (format) {
            case dot -> {
                DOTExporter<PrincipalNode, AccessEdge> x = new DOTExporter<>(ids::get);
                x.setVertexAttributeProvider(GraphExport::nodeAttributes);
                x.setEdgeAttributeProvider(GraphExport::edgeAttributes);
                if (layered) {
                    // Ranks follow the edges: in a tree of shortest paths, a node's column is its hop count.
                    x.setGraphAttributeProvider(() -> Map.of("rankdir", DefaultAttribute.createAttribute("LR")));
                    x.setEdgeAttributeProvider(e -> {
                        Map<String, Attribute> m = edgeAttributes(e);
                        if (e.conditional()) {
                            m.put("style", DefaultAttribute.createAttribute("dashed"));
                        }
                        return m;
                    });
                }
                x.exportGraph(graph, out);
            }
            case graphml -> {
                GraphMLExporter<PrincipalNode, AccessEdge> x = new GraphMLExporter<>(ids::get);
                x.setExportVertexLabels(true);
                x.setVertexAttributeProvider(GraphExport::nodeAttributes);
                x.setEdgeAttributeProvider(GraphExport::edgeAttributes);
                for (String a : new String[] {"arn", "kind", "account"}) {
                    x.registerAttribute(a, GraphMLExporter.AttributeCategory.NODE,
                            org.jgrapht.nio.AttributeType.STRING);
                }
                for (String a : new String[] {"technique", "kind", "conditional", "yieldsAdmin"}) {
                    x.registerAttribute(a, GraphMLExporter.AttributeCategory.EDGE,
                            org.jgrapht.nio.AttributeType.STRING);
                }
                x.exportGraph(graph, out);
            }
            case json -> {
                JSONExporter<PrincipalNode, AccessEdge> x = new JSONExporter<>(ids::get);
                x.setVertexAttributeProvider(GraphExport::nodeAttributes);
                x.setEdgeAttributeProvider(GraphExport::edgeAttributes);
                x.exportGraph(graph, out);
            }
            case mermaid -> mermaid(graph, ids, out);
            default -> throw new IllegalArgumentException(format.name());
        }
        out.flush();
    }

    private static Map<String, Attribute> nodeAttributes(PrincipalNode n) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        m.put("label", DefaultAttribute.createAttribute(n.shortName()));
        m.put("arn", DefaultAttribute.createAttribute(n.arn()));
        m.put("kind", DefaultAttribute.createAttribute(n.kind().name().toLowerCase(Locale.ROOT)));
        if (n.account() != null) {
            m.put("account", DefaultAttribute.createAttribute(n.account()));
        }
        return m;
    }

    private static Map<String, Attribute> edgeAttributes(AccessEdge e) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        m.put("label", DefaultAttribute.createAttribute(e.technique()));
        m.put("technique", DefaultAttribute.createAttribute(e.technique()));
        m.put("kind", DefaultAttribute.createAttribute(e.kind().name().toLowerCase(Locale.ROOT)));
        m.put("conditional", DefaultAttribute.createAttribute(String.valueOf(e.conditional())));
        m.put("yieldsAdmin", DefaultAttribute.createAttribute(String.valueOf(e.yieldsAdmin())));
        return m;
    }

    private static void mermaid(Graph<PrincipalNode, AccessEdge> graph, Map<PrincipalNode, String> ids,
                                PrintWriter out) {
        out.println("flowchart LR");
        for (PrincipalNode n : graph.vertexSet()) {
            out.println("  " + ids.get(n) + "[\"" + escape(n.kind().name().toLowerCase(Locale.ROOT) + " "
                    + n.shortName()) + "\"]");
        }
        for (AccessEdge e : graph.edgeSet()) {
            String arrow = e.conditional() ? " -.->|" : " -->|";
            out.println("  " + ids.get(e.from()) + arrow + escape(e.technique()) + "| " + ids.get(e.to()));
        }
    }

    /** Mermaid labels are quoted; a double quote inside one is written as an entity. */
    private static String escape(String s) {
        return s.replace("\"", "#quot;").replace("|", "#124;");
    }
}
