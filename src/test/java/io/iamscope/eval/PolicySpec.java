package io.iamscope.eval;

import io.iamscope.policy.parse.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Generated policies as plain values whose {@code toString} is the policy JSON, so that a failing property
 * prints its shrunk sample as something a reader can paste into a case file.
 */
final class PolicySpec {
    private PolicySpec() {
    }

    /** A {@code StringEquals} clause. */
    record Cond(String key, List<String> values) {
        String json() {
            return "\"" + key + "\": " + strings(values);
        }
    }

    /** One statement; {@code principal} is raw JSON (null: no Principal element). */
    record Stmt(String effect, boolean notAction, List<String> actions, boolean notResource, List<String> resources,
                String principal, boolean notPrincipal, List<Cond> conditions) {

        boolean allows() {
            return "Allow".equals(effect);
        }

        String json() {
            StringBuilder sb = new StringBuilder("{\"Effect\": \"").append(effect).append('"');
            if (principal != null) {
                sb.append(", \"").append(notPrincipal ? "NotPrincipal" : "Principal").append("\": ").append(principal);
            }
            sb.append(", \"").append(notAction ? "NotAction" : "Action").append("\": ").append(strings(actions));
            sb.append(", \"").append(notResource ? "NotResource" : "Resource").append("\": ")
                    .append(strings(resources));
            if (!conditions.isEmpty()) {
                sb.append(", \"Condition\": {\"StringEquals\": {")
                        .append(conditions.stream().map(Cond::json).collect(Collectors.joining(", "))).append("}}");
            }
            return sb.append('}').toString();
        }

        @Override
        public String toString() {
            return json();
        }
    }

    /** A policy document with a name for messages. */
    record Pol(String name, List<Stmt> statements) {
        String json() {
            return "{\"Version\": \"2012-10-17\", \"Statement\": ["
                    + statements.stream().map(Stmt::json).collect(Collectors.joining(",\n      ")) + "]}";
        }

        AttachedPolicy attach() {
            return AttachedPolicy.of(name, PolicyParser.parse(json(), name));
        }

        Pol withStatements(List<Stmt> replaced) {
            return new Pol(name, List.copyOf(replaced));
        }

        Pol plus(Stmt s) {
            List<Stmt> more = new ArrayList<>(statements);
            more.add(s);
            return withStatements(more);
        }

        @Override
        public String toString() {
            return name + " " + json();
        }
    }

    /**
     * Every policy layer; null means the layer does not exist (no boundary, no session policies, no
     * organization, no RCPs, no resource policy), as in {@link PolicySet}.
     */
    record World(List<Pol> identity, Pol boundary, List<Pol> session, List<List<Pol>> scps, List<List<Pol>> rcps,
                 Pol resource) {

        PolicySet build() {
            PolicySet.Builder b = PolicySet.builder();
            identity.forEach(p -> b.identity(p.attach()));
            if (boundary != null) {
                b.boundary(boundary.attach());
            }
            if (session != null) {
                session.forEach(p -> b.session(p.attach()));
            }
            b.scps(levels(scps));
            b.rcps(levels(rcps));
            if (resource != null) {
                b.resourcePolicy(resource.attach());
            }
            return b.build();
        }

        private static List<List<AttachedPolicy>> levels(List<List<Pol>> levels) {
            return levels == null ? null : levels.stream().map(l -> l.stream().map(Pol::attach).toList()).toList();
        }

        /** The same world with every policy rewritten. */
        World map(Function<Pol, Pol> f) {
            return new World(identity.stream().map(f).toList(), boundary == null ? null : f.apply(boundary),
                    session == null ? null : session.stream().map(f).toList(), mapLevels(scps, f),
                    mapLevels(rcps, f), resource == null ? null : f.apply(resource));
        }

        private static List<List<Pol>> mapLevels(List<List<Pol>> levels, Function<Pol, Pol> f) {
            return levels == null ? null : levels.stream().map(l -> l.stream().map(f).toList()).toList();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("World\n");
            identity.forEach(p -> sb.append("  identity ").append(p).append('\n'));
            sb.append("  boundary ").append(boundary).append('\n');
            sb.append("  session ").append(session).append('\n');
            sb.append("  scps ").append(scps).append('\n');
            sb.append("  rcps ").append(rcps).append('\n');
            sb.append("  resource ").append(resource).append('\n');
            return sb.toString();
        }
    }

    static String strings(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }
}
