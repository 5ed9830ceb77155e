package io.iamscope.graph;

import io.iamscope.access.AdminStatus;
import io.iamscope.access.Evidence;
import io.iamscope.eval.Constraint;
import io.iamscope.eval.Layer;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.StatementRef;
import io.iamscope.policy.Effect;
import io.iamscope.policy.SourceLocation;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * Reads what {@link GraphWriter} wrote back into an {@link JGraphTAccessGraph} equal to the one written: the same
 * nodes and edges in the same order, the same evidence. Input that is not such a graph (cut short, altered, of
 * another format) is an {@link IOException} naming what is wrong, never a graph.
 */
public final class GraphReader {
    static final int TRUE = 0;
    static final int FALSE = 1;
    static final int SEEN = 2;
    static final int ATOM = 3;
    static final int NOT = 4;
    static final int AND = 5;
    static final int OR = 6;

    private static final NodeKind[] NODE_KINDS = NodeKind.values();
    private static final EdgeKind[] EDGE_KINDS = EdgeKind.values();
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final Layer[] LAYERS = Layer.values();
    private static final Effect[] EFFECTS = Effect.values();

    private final Bytes in;
    private final List<String> strings = new ArrayList<>();
    private final List<StatementRef> refs = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<Constraint> conditions = new ArrayList<>();
    private final List<PrincipalNode> nodes = new ArrayList<>();

    private GraphReader(byte[] bytes, int offset, int length) {
        this.in = new Bytes(bytes, offset, offset + length);
    }

    /**
     * Reads the graph that {@code length} bytes from {@code offset} of {@code bytes} hold.
     *
     * @throws IOException when they do not hold a whole graph of this format, and nothing else
     */
    public static JGraphTAccessGraph read(byte[] bytes, int offset, int length) throws IOException {
        try {
            return new GraphReader(bytes, offset, length).graph();
        } catch (RuntimeException e) {
            // An index out of range, a null where a value must be: the bytes are not what a writer wrote.
            throw new IOException("malformed graph: " + e, e);
        }
    }

    private JGraphTAccessGraph graph() throws IOException {
        int format = in.readInt();
        if (format != GraphWriter.FORMAT) {
            throw new IOException("graph format " + format + ", not " + GraphWriter.FORMAT);
        }
        DirectedPseudograph<PrincipalNode, AccessEdge> g = new DirectedPseudograph<>(null, null, false);
        Map<String, PrincipalNode> byArn = new LinkedHashMap<>();
        int nodeCount = count();
        for (int i = 0; i < nodeCount; i++) {
            String arn = string();
            NodeKind kind = NODE_KINDS[in.readUnsignedByte()];
            PrincipalNode n = new PrincipalNode(arn, kind, string());
            // The one instance of "anyone" the code may compare with.
            n = n.equals(PrincipalNode.ANYONE) ? PrincipalNode.ANYONE : n;
            nodes.add(n);
            byArn.put(arn, n);
            g.addVertex(n);
        }
        int edgeCount = count();
        for (int i = 0; i < edgeCount; i++) {
            PrincipalNode from = nodes.get(count());
            PrincipalNode to = nodes.get(count());
            EdgeKind kind = EDGE_KINDS[in.readUnsignedByte()];
            String technique = string();
            List<Evidence> ev = evidenceList();
            Constraint condition = condition();
            boolean yieldsAdmin = in.readBoolean();
            g.addEdge(from, to, new AccessEdge(from, to, kind, technique, ev, condition, yieldsAdmin));
        }
        Map<PrincipalNode, AdminStatus> admins = new HashMap<>();
        int adminCount = count();
        for (int i = 0; i < adminCount; i++) {
            PrincipalNode n = nodes.get(count());
            boolean admin = in.readBoolean();
            Constraint condition = condition();
            String how = string();
            admins.put(n, new AdminStatus(admin, condition, how, evidenceList()));
        }
        int statCount = count();
        List<String> stats = new ArrayList<>(statCount);
        for (int i = 0; i < statCount; i++) {
            stats.add(string());
        }
        if (in.at != in.end) {
            throw new IOException((in.end - in.at) + " bytes after the graph");
        }
        return new JGraphTAccessGraph(g, byArn, admins, stats);
    }

    private List<Evidence> evidenceList() throws IOException {
        int size = count();
        List<Evidence> out = new ArrayList<>(Math.min(size, 64));
        for (int i = 0; i < size; i++) {
            int tag = count();
            if (tag > 0) {
                out.add(evidence.get(tag - 1));
                continue;
            }
            String action = string();
            String resource = string();
            Outcome outcome = OUTCOMES[in.readUnsignedByte()];
            Constraint condition = condition();
            int grants = count();
            List<StatementRef> grantedBy = new ArrayList<>(Math.min(grants, 64));
            for (int j = 0; j < grants; j++) {
                grantedBy.add(ref());
            }
            Evidence e = new Evidence(action, resource, outcome, condition, grantedBy);
            evidence.add(e);
            out.add(e);
        }
        return out;
    }

    private Constraint condition() throws IOException {
        int tag = in.readUnsignedByte();
        Constraint c;
        switch (tag) {
            case TRUE:
                return Constraint.TRUE;
            case FALSE:
                return Constraint.FALSE;
            case SEEN:
                return conditions.get(count());
            case ATOM: {
                String description = string();
                int keys = count();
                List<String> dependsOn = new ArrayList<>(Math.min(keys, 64));
                for (int i = 0; i < keys; i++) {
                    dependsOn.add(string());
                }
                c = new Constraint.Atom(description, List.copyOf(dependsOn), ref());
                break;
            }
            case NOT:
                c = new Constraint.Not(condition());
                break;
            case AND:
                c = new Constraint.And(List.copyOf(conditionList()));
                break;
            case OR:
                c = new Constraint.Or(List.copyOf(conditionList()));
                break;
            default:
                throw new IOException("unknown condition tag " + tag);
        }
        conditions.add(c);
        return c;
    }

    private List<Constraint> conditionList() throws IOException {
        int size = count();
        List<Constraint> out = new ArrayList<>(Math.min(size, 64));
        for (int i = 0; i < size; i++) {
            out.add(condition());
        }
        return out;
    }

    private StatementRef ref() throws IOException {
        int tag = count();
        if (tag == 0) {
            return null;
        }
        if (tag > 1) {
            return refs.get(tag - 2);
        }
        Layer layer = LAYERS[in.readUnsignedByte()];
        String policy = string();
        String sid = string();
        int index = in.readInt();
        byte effect = in.readByte();
        int level = in.readInt();
        SourceLocation at = in.readBoolean() ? new SourceLocation(string(), string()) : null;
        StatementRef r = new StatementRef(layer, policy, sid, index, effect < 0 ? null : EFFECTS[effect], level, at);
        refs.add(r);
        return r;
    }

    private String string() throws IOException {
        int tag = count();
        if (tag == 0) {
            return null;
        }
        if (tag - 1 < strings.size()) {
            return strings.get(tag - 1);
        }
        if (tag - 1 != strings.size()) {
            throw new IOException("string " + (tag - 1) + " before string " + strings.size());
        }
        int length = count();
        String s = new String(in.bytes, in.take(length), length, StandardCharsets.UTF_8);
        strings.add(s);
        return s;
    }

    private int count() throws IOException {
        int n = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            n |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (n < 0) {
                    throw new IOException("negative count");
                }
                return n;
            }
        }
        throw new IOException("count longer than five bytes");
    }

    /**
     * The bytes being read, by hand rather than through a {@code DataInputStream} over a
     * {@code ByteArrayInputStream}, whose every byte takes a lock: a large graph is millions of small numbers.
     */
    private static final class Bytes {
        final byte[] bytes;
        final int end;
        int at;

        Bytes(byte[] bytes, int offset, int end) {
            this.bytes = bytes;
            this.at = offset;
            this.end = end;
        }

        /** Where the next {@code n} bytes start; they are then passed. */
        int take(int n) throws EOFException {
            if (n < 0 || n > end - at) {
                throw new EOFException("cut short");
            }
            int start = at;
            at += n;
            return start;
        }

        int readUnsignedByte() throws EOFException {
            return bytes[take(1)] & 0xFF;
        }

        byte readByte() throws EOFException {
            return bytes[take(1)];
        }

        boolean readBoolean() throws IOException {
            int b = readUnsignedByte();
            if (b > 1) {
                throw new IOException("boolean " + b);
            }
            return b == 1;
        }

        int readInt() throws EOFException {
            int i = take(4);
            return (bytes[i] & 0xFF) << 24 | (bytes[i + 1] & 0xFF) << 16 | (bytes[i + 2] & 0xFF) << 8
                    | (bytes[i + 3] & 0xFF);
        }
    }
}
