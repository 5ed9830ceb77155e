package io.iamscope.graph;

import io.iamscope.access.AdminStatus;
import io.iamscope.access.Evidence;
import io.iamscope.eval.Constraint;
import io.iamscope.eval.StatementRef;
import io.iamscope.policy.SourceLocation;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link JGraphTAccessGraph} in the stored graph format ({@link GraphReader} reads it back): nodes in
 * the graph's order, edges in the graph's order (so that paths of equal length and exports come out as the
 * build made them), each edge's evidence whole, the admin statuses and the build's statistics. Strings, statement
 * references, evidence and conditions are written once and referred to by number afterwards: the same statement
 * grants thousands of edges. No Java serialization: only these values, field by field.
 */
public final class GraphWriter {
    /** Bumped whenever what is written changes; a reader refuses any other. */
    public static final int FORMAT = 1;

    private final DataOutputStream out;
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<StatementRef, Integer> refs = new HashMap<>();
    private final Map<Evidence, Integer> evidence = new HashMap<>();
    private final Map<Constraint, Integer> conditions = new HashMap<>();
    private final Map<PrincipalNode, Integer> nodes = new HashMap<>();

    private GraphWriter(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    /** Writes the graph to {@code out} (not closed; flushed). */
    public static void write(JGraphTAccessGraph graph, OutputStream out) throws IOException {
        new GraphWriter(out).graph(graph);
    }

    private void graph(JGraphTAccessGraph graph) throws IOException {
        out.writeInt(FORMAT);
        var g = graph.graph();
        count(g.vertexSet().size());
        for (PrincipalNode n : g.vertexSet()) {
            string(n.arn());
            out.writeByte(n.kind().ordinal());
            string(n.account());
            nodes.put(n, nodes.size());
        }
        count(g.edgeSet().size());
        for (AccessEdge e : g.edgeSet()) {
            count(nodes.get(e.from()));
            count(nodes.get(e.to()));
            out.writeByte(e.kind().ordinal());
            string(e.technique());
            evidenceList(e.evidence());
            condition(e.condition());
            out.writeBoolean(e.yieldsAdmin());
        }
        Map<PrincipalNode, AdminStatus> admins = graph.admins();
        count(admins.size());
        for (Map.Entry<PrincipalNode, AdminStatus> a : admins.entrySet()) {
            count(nodes.get(a.getKey()));
            AdminStatus s = a.getValue();
            out.writeBoolean(s.admin());
            condition(s.condition());
            string(s.how());
            evidenceList(s.evidence());
        }
        count(graph.buildStats().size());
        for (String line : graph.buildStats()) {
            string(line);
        }
        out.flush();
    }

    private void evidenceList(List<Evidence> list) throws IOException {
        count(list.size());
        for (Evidence e : list) {
            Integer seen = evidence.get(e);
            if (seen != null) {
                count(seen + 1);
                continue;
            }
            count(0);
            string(e.action());
            string(e.resource());
            out.writeByte(e.outcome().ordinal());
            condition(e.condition());
            count(e.grantedBy().size());
            for (StatementRef r : e.grantedBy()) {
                ref(r);
            }
            evidence.put(e, evidence.size());
        }
    }

    /**
     * A condition: the two constants by tag (a reader returns the very constants {@link Constraint#TRUE} and
     * {@link Constraint#FALSE}, which the code compares by identity; no other {@code Const} is ever made), any
     * other formula once, by its parts, then by number.
     */
    private void condition(Constraint c) throws IOException {
        if (c instanceof Constraint.Const k) {
            out.writeByte(k.value() ? GraphReader.TRUE : GraphReader.FALSE);
            return;
        }
        Integer seen = conditions.get(c);
        if (seen != null) {
            out.writeByte(GraphReader.SEEN);
            count(seen);
            return;
        }
        if (c instanceof Constraint.Atom a) {
            out.writeByte(GraphReader.ATOM);
            string(a.description());
            count(a.dependsOn().size());
            for (String key : a.dependsOn()) {
                string(key);
            }
            ref(a.statement());
        } else if (c instanceof Constraint.Not n) {
            out.writeByte(GraphReader.NOT);
            condition(n.operand());
        } else if (c instanceof Constraint.And and) {
            out.writeByte(GraphReader.AND);
            conditions(and.operands());
        } else if (c instanceof Constraint.Or or) {
            out.writeByte(GraphReader.OR);
            conditions(or.operands());
        } else {
            throw new IllegalArgumentException("unknown condition " + c.getClass());
        }
        conditions.put(c, conditions.size());
    }

    private void conditions(List<Constraint> list) throws IOException {
        count(list.size());
        for (Constraint c : list) {
            condition(c);
        }
    }

    private void ref(StatementRef r) throws IOException {
        if (r == null) {
            count(0);
            return;
        }
        Integer seen = refs.get(r);
        if (seen != null) {
            count(seen + 2);
            return;
        }
        count(1);
        out.writeByte(r.layer().ordinal());
        string(r.policy());
        string(r.sid());
        out.writeInt(r.index());
        out.writeByte(r.effect() == null ? -1 : r.effect().ordinal());
        out.writeInt(r.level());
        SourceLocation at = r.location();
        out.writeBoolean(at != null);
        if (at != null) {
            string(at.source());
            string(at.pointer());
        }
        refs.put(r, refs.size());
    }

    /** A string: 0 for null, n + 1 for the n-th string seen before, or the next number followed by the text. */
    private void string(String s) throws IOException {
        if (s == null) {
            count(0);
            return;
        }
        Integer seen = strings.get(s);
        if (seen != null) {
            count(seen + 1);
            return;
        }
        int next = strings.size();
        strings.put(s, next);
        count(next + 1);
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        count(utf8.length);
        out.write(utf8);
    }

    /** A non-negative int in 7-bit groups, least significant first: most numbers here take one or two bytes. */
    private void count(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        while ((n & ~0x7F) != 0) {
            out.writeByte((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out.writeByte(n);
    }
}
