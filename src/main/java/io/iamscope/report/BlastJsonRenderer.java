package io.iamscope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.analysis.Hop;
import io.iamscope.analysis.blast.ActionAccess;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.Reachable;
import io.iamscope.analysis.blast.ResourceSet;
import io.iamscope.analysis.blast.ServiceAccess;
import io.iamscope.analysis.blast.TacticAccess;
import io.iamscope.analysis.hunt.HuntingQuery;
import io.iamscope.catalog.AccessLevel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;

/**
 * Renders a blast radius as JSON. The schema is documented in docs/blast-radius.md (and
 * docs/blast-radius.schema.json) and stable: fields are only ever added. Below {@link Detail#FULL} every list is
 * cut at the bounds' limit and says so: a sibling field {@code <list>Omitted} counts the entries left out (a large
 * account's complete report is tens of megabytes). The report is written as it is generated, never held whole.
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
        render(b, bounds, MAPPER.createObjectNode(), out);
    }

    /** The report with {@code more} fields at its end (the simulator's check of the grants). */
    public static void render(BlastRadius b, Bounds bounds, ObjectNode more, PrintWriter out) {
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            new Writer(bounds, g).write(b, more);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    /** Prints a tree (possibly with more fields added). */
    public static void print(ObjectNode root, PrintWriter out) {
        try {
            MAPPER.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    /** The report as a JSON tree, read back from what {@link #render} writes: for small reports and tests. */
    static ObjectNode tree(BlastRadius b, Bounds bounds) {
        java.io.StringWriter text = new java.io.StringWriter();
        render(b, bounds, new PrintWriter(text));
        try {
            return (ObjectNode) MAPPER.readTree(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One rendering: the bounds, the generator, and the resource sets its kept entries name. */
    private static final class Writer {
        private final Bounds bounds;
        private final boolean summary;
        private final JsonGenerator g;
        private final Set<String> setsNamed = new HashSet<>();

        Writer(Bounds bounds, JsonGenerator g) {
            this.bounds = bounds;
            this.summary = bounds.detail() == Detail.SUMMARY;
            this.g = g;
        }

        void write(BlastRadius b, ObjectNode more) throws IOException {
            g.writeStartObject();
            g.writeStringField("schema", "iamscope.blast-radius/1");
            g.writeStringField("detail", lower(bounds.detail().name()));
            if (!bounds.full()) {
                g.writeNumberField("limit", bounds.limit());
            }
            g.writeObjectFieldStart("start");
            g.writeStringField("query", b.start().query());
            g.writeStringField("arn", b.start().arn());
            g.writeStringField("kind", b.start().kind());
            g.writeStringField("account", b.start().account());
            g.writeStringField("via", b.start().via());
            g.writeEndObject();
            g.writeStringField("profile", b.profile());
            g.writeBooleanField("adminEquivalent", b.adminEquivalent());
            g.writeBooleanField("canReachAdmin", b.canReachAdmin());
            g.writeBooleanField("adminConditional", b.adminConditional());
            g.writeStringField("adminVia", b.adminVia());
            g.writeArrayFieldStart("adminPath");
            hops(b.adminPath());
            g.writeEndArray();
            List<Reachable> reachable = bounds.full() ? b.reachable() : BlastWords.newsFirst(b.reachable());
            cut("reachable", reachable, bounds.keep(reachable.size()), r -> {
                g.writeStartObject();
                g.writeStringField("arn", r.arn());
                g.writeStringField("kind", lower(r.kind().name()));
                g.writeStringField("account", r.account());
                g.writeBooleanField("conditional", r.conditional());
                g.writeBooleanField("admin", r.admin());
                g.writeBooleanField("adminConditional", r.adminConditional());
                g.writeArrayFieldStart("path");
                hops(r.path());
                g.writeEndArray();
                g.writeEndObject();
            });
            List<String> evaluated = b.principalsEvaluated();
            cut("principalsEvaluated", evaluated, summary ? 0 : bounds.keep(evaluated.size()), g::writeString);
            g.writeArrayFieldStart("tactics");
            for (TacticAccess t : b.tactics()) {
                g.writeStartObject();
                g.writeStringField("tactic", t.tactic().id());
                g.writeBooleanField("conditional", t.conditional());
                strings("why", t.why());
                actions(t.actions(), summary ? bounds.keep(t.actions().size(), BlastAnswer.NAMED)
                        : bounds.keep(t.actions().size()));
                g.writeEndObject();
            }
            g.writeEndArray();
            // Cut, the services that change most come first; complete, in the analysis's order.
            List<ServiceAccess> services = bounds.full() ? b.services() : BlastWords.ranked(b.services());
            cut("services", services, summary ? 0 : bounds.keep(services.size()), s -> {
                g.writeStartObject();
                g.writeStringField("prefix", s.prefix());
                g.writeStringField("name", s.name());
                g.writeObjectFieldStart("accessLevels");
                for (Map.Entry<AccessLevel, Integer> e : s.accessLevels().entrySet()) {
                    g.writeNumberField(e.getKey().label(), e.getValue());
                }
                g.writeEndObject();
                actions(s.actions(), bounds.keep(s.actions().size()));
                g.writeEndObject();
            });
            List<ResourceSet> sets = bounds.full() ? b.resourceSets()
                    : b.resourceSets().stream().filter(set -> setsNamed.contains(set.id())).toList();
            cut("resourceSets", sets, sets.size(), set -> {
                g.writeStartObject();
                g.writeStringField("id", set.id());
                g.writeStringField("account", set.account());
                g.writeStringField("service", set.service());
                g.writeStringField("type", set.type());
                g.writeNumberField("count", set.members().size());
                cut("members", set.members(), bounds.keep(set.members().size(), NESTED), g::writeString);
                g.writeEndObject();
            });
            if (sets.size() < b.resourceSets().size()) {
                g.writeNumberField("resourceSetsOmitted", b.resourceSets().size() - sets.size());
            }
            cut("huntTargets", b.huntTargets(), bounds.keep(b.huntTargets().size()), t -> {
                g.writeStartObject();
                g.writeStringField("kind", lower(t.kind().name()));
                g.writeStringField("value", t.value());
                g.writeEndObject();
            });
            // The queries are what a responder runs next: never cut (each names every target).
            g.writeArrayFieldStart("huntingQueries");
            for (HuntingQuery q : b.huntingQueries()) {
                g.writeStartObject();
                g.writeStringField("engine", q.engine());
                g.writeStringField("title", q.title());
                g.writeStringField("sql", q.sql());
                g.writeEndObject();
            }
            g.writeEndArray();
            strings("notes", b.notes());
            GapWords.json(b.gaps(), g);
            cut("credentials", b.credentials(),
                    bounds.keep(b.credentials().size(), summary ? BlastAnswer.SHORT : Integer.MAX_VALUE), c -> {
                g.writeStartObject();
                g.writeStringField("principal", c.principal());
                g.writeStringField("kind", c.kind());
                g.writeStringField("id", c.id());
                g.writeStringField("status", c.status());
                g.writeStringField("created", c.created());
                g.writeStringField("lastUsed", c.lastUsed());
                g.writeStringField("lastUsedService", c.lastUsedService());
                g.writeStringField("lastUsedRegion", c.lastUsedRegion());
                g.writeBooleanField("start", c.start());
                g.writeEndObject();
            });
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) more::fields) {
                g.writeFieldName(e.getKey());
                g.writeTree(e.getValue());
            }
            g.writeEndObject();
        }

        /** An entry written by the generator. */
        private interface Entry<T> {
            void write(T value) throws IOException;
        }

        /** Writes the array {@code name} with the first {@code keep} entries, then how many were left out. */
        private <T> void cut(String name, List<T> all, int keep, Entry<T> entry) throws IOException {
            g.writeArrayFieldStart(name);
            for (T t : all.subList(0, keep)) {
                entry.write(t);
            }
            g.writeEndArray();
            if (keep < all.size()) {
                g.writeNumberField(name + "Omitted", all.size() - keep);
            }
        }

        private void strings(String name, List<String> values) throws IOException {
            cut(name, values, values.size(), g::writeString);
        }

        private void hops(List<Hop> hops) throws IOException {
            for (Hop h : hops) {
                g.writeStartObject();
                g.writeStringField("from", h.from());
                g.writeStringField("to", h.to());
                g.writeStringField("kind", lower(h.kind().name()));
                g.writeStringField("technique", h.technique());
                g.writeStringField("evidence", h.evidence());
                g.writeBooleanField("conditional", h.conditional());
                strings("conditionKeys", h.conditionKeys());
                g.writeEndObject();
            }
        }

        private void actions(List<ActionAccess> all, int keep) throws IOException {
            cut("actions", all, keep, a -> {
                g.writeStartObject();
                g.writeStringField("action", a.action());
                g.writeStringField("accessLevel", a.accessLevel().label());
                g.writeBooleanField("conditional", a.conditional());
                cut("resources", a.resources(), bounds.keep(a.resources().size(), NESTED), r -> {
                    g.writeStartObject();
                    g.writeStringField("resource", r.resource());
                    g.writeBooleanField("concrete", r.concrete());
                    g.writeNumberField("count", r.count());
                    g.writeStringField("resourceSet", r.set() == null ? null : r.set().id());
                    if (r.set() != null) {
                        setsNamed.add(r.set().id());
                    }
                    g.writeBooleanField("conditional", r.conditional());
                    cut("grantedBy", r.grantedBy(), bounds.keep(r.grantedBy().size(), NESTED), gr -> {
                        g.writeStartObject();
                        g.writeStringField("principal", gr.principal());
                        g.writeBooleanField("conditional", gr.conditional());
                        strings("conditionKeys", gr.conditionKeys());
                        g.writeStringField("statement", gr.statement());
                        g.writeEndObject();
                    });
                    g.writeEndObject();
                });
                g.writeEndObject();
            });
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
