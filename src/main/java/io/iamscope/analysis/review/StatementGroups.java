package io.iamscope.analysis.review;

import io.iamscope.access.Evidence;
import io.iamscope.analysis.findings.Affected;
import io.iamscope.analysis.findings.StatementCite;
import io.iamscope.eval.StatementRef;
import io.iamscope.graph.AccessEdge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Edges grouped by the statement that opens them ({@link FixKeys}), each group with the principals it concerns:
 * the findings "one fix, one item" are made of. Groups keep the order they were first met.
 */
final class StatementGroups {
    /** One statement's group: its key edges, the principals concerned and their paths. */
    static final class Group {
        final StatementRef key;
        final List<AccessEdge> edges = new ArrayList<>();
        final List<Affected> affected = new ArrayList<>();
        final Set<String> techniques = new LinkedHashSet<>();

        Group(StatementRef key) {
            this.key = key;
        }

        /** The key statement, cited with the action and resource it was found to grant on the first edge. */
        StatementCite cite() {
            if (key == null) {
                return null;
            }
            Evidence check = FixKeys.checkOf(edges.get(0), key);
            return Cites.statement(key, check == null ? null : check.action(), check == null ? null : check.resource());
        }

        boolean allConditional() {
            return affected.stream().allMatch(Affected::conditional);
        }

        /** The keys of the conditional principals, when every one is conditional; else none. */
        List<String> keys() {
            if (!allConditional()) {
                return List.of();
            }
            Set<String> out = new LinkedHashSet<>();
            affected.forEach(a -> out.addAll(a.conditionKeys()));
            return new ArrayList<>(out);
        }
    }

    private final Map<Object, Group> groups = new LinkedHashMap<>();

    /** Adds a principal whose last (or only) step is {@code edge}. */
    void add(AccessEdge edge, Affected affected) {
        StatementRef key = FixKeys.of(edge);
        Object k = key != null ? key : edge.technique() + " " + edge.from().arn();
        Group g = groups.computeIfAbsent(k, x -> new Group(key));
        g.edges.add(edge);
        g.affected.add(affected);
        g.techniques.add(edge.technique());
    }

    List<Group> groups() {
        return new ArrayList<>(groups.values());
    }

    /**
     * The subject of a group's finding: who holds the statement (the managed policy, the principal of an inline
     * or trust policy), else the first edge's source.
     */
    static String subject(ReviewContext c, Group g) {
        PolicyOwners.Owner owner = g.key == null ? null : c.owners().of(g.key.location());
        return owner != null ? owner.arn() : g.edges.get(0).from().arn();
    }

    /** The finding's key: the statement's policy (when the subject is not that policy) and JSON pointer. */
    static String key(String subject, Group g) {
        if (g.key == null) {
            return g.edges.get(0).technique() + " " + g.edges.get(0).from().arn();
        }
        String pointer = g.key.documentPointer() != null ? g.key.documentPointer() : "#" + g.key.index();
        return subject.equals(g.key.policy()) ? pointer : g.key.policy() + " " + pointer;
    }

    /** {@code statement `Sid` (#1) of managed policy `x`}, naming the holder when known. */
    static String describe(ReviewContext c, Group g) {
        if (g.key == null) {
            return "technique `" + g.edges.get(0).technique() + "`";
        }
        PolicyOwners.Owner owner = c.owners().of(g.key.location());
        String statement = g.key.sid() != null && !g.key.sid().isEmpty() ? "`" + g.key.sid() + "` (#" + g.key.index()
                + ")" : "#" + g.key.index();
        return "statement " + statement + " of " + (owner != null ? owner.what() : "`" + g.key.policy() + "`");
    }
}
