package io.iamscope.analysis.whocan;

import io.iamscope.analysis.GapsInPlay;
import io.iamscope.analysis.Hop;
import io.iamscope.analysis.Workspace;
import io.iamscope.eval.Authorizer;
import io.iamscope.eval.Constraint;
import io.iamscope.eval.Decision;
import io.iamscope.eval.MatchedStatement;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.StatementRef;
import io.iamscope.access.Gathered;
import io.iamscope.access.Gatherer;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.EdgeKind;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PathLimits;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.Account;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.policy.Effect;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who can perform one action on one resource: every user and role of the snapshot is asked directly (through
 * the gatherer and the authorizer), then one backward breadth-first search over the access graph from those
 * that can finds every principal that reaches one of them, with its shortest path (definite edges preferred).
 * One search for all, rather than a search per principal, keeps it linear in the graph.
 */
public final class WhoCan {
    /** The technique id of the step from a principal made admin on a path to its account node. */
    static final String YIELDS_ADMIN = "yields-admin";

    private final Workspace workspace;
    private final SnapshotIndex index;

    public WhoCan(Workspace workspace) {
        this.workspace = workspace;
        this.index = workspace.index();
    }

    public WhoCanResult find(String action, String resource, String profile, RequestContext context, PathLimits limits) {
        Gatherer gatherer = workspace.gatherer();
        Authorizer authorizer = workspace.engine();
        AccessGraph graph = workspace.graph(context);
        // Every user and role, and every account of the snapshot as its root user: the graph's account node
        // stands for whoever controls the account, so principals that can take an account over are found
        // through it even where no principal of the account can make the request by its own policies.
        List<PrincipalRef> principals = new ArrayList<>();
        for (Account a : index.snapshot().accounts()) {
            a.users().forEach(u -> principals.add(index.resolvePrincipal(u.arn())));
            a.roles().forEach(r -> principals.add(index.resolvePrincipal(r.arn())));
        }
        for (Account a : index.snapshot().accounts()) {
            principals.add(new PrincipalRef(PrincipalRef.Kind.ROOT, null, a.accountId(), null, null));
        }
        // Each principal asked on all cores (the gatherer and the engine are thread-safe); results and notes
        // are then taken in the snapshot's order, so the answer does not depend on scheduling.
        WhoCanEntry[] entries = new WhoCanEntry[principals.size()];
        List<List<String>> notesOf = new ArrayList<>(java.util.Collections.nCopies(principals.size(), List.of()));
        java.util.stream.IntStream.range(0, principals.size()).parallel().forEach(i -> {
            PrincipalRef who = principals.get(i);
            Gathered g = gatherer.gather(who, action, resource, context);
            Decision d = authorizer.authorize(g.request(), g.policies());
            notesOf.set(i, g.notes());
            if (d.isPossiblyAllowed()) {
                StatementRef grant = StatementRef.granting(d.statements(Effect.ALLOW).stream()
                        .map(MatchedStatement::ref).toList());
                entries[i] = new WhoCanEntry(who.arn(), kindOf(who), d.isConditional(),
                        List.copyOf(d.conditionalKeys()), who.arn(), List.of(), grant == null ? null : grant.describe());
            }
        });
        List<WhoCanEntry> direct = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        for (int i = 0; i < entries.length; i++) {
            notes.addAll(notesOf.get(i).stream().filter(n -> !n.startsWith("managed policy")).toList());
            if (entries[i] != null) {
                direct.add(entries[i]);
            }
        }
        direct.sort(Comparator.comparing(WhoCanEntry::conditional).thenComparing(WhoCanEntry::arn));
        return new WhoCanResult(action, resource, profile, direct, viaPath(graph, direct, limits), List.copyOf(notes),
                new GapsInPlay(index.snapshot()).forRequest(action, resource));
    }

    private static String kindOf(PrincipalRef who) {
        return who.principal() != null ? who.principal().kindName() : "root";
    }

    /**
     * Backward search from the direct principals; a node's path runs forward to the one it reaches. An edge that
     * yields admin makes its target admin-equivalent on that path, and so leads on to the target's account
     * node (the forward search's synthetic {@code yields-admin} step): its source is a predecessor of the
     * account node too.
     */
    private static List<WhoCanEntry> viaPath(AccessGraph graph, List<WhoCanEntry> direct, PathLimits limits) {
        Map<PrincipalNode, List<AccessEdge>> madeAdminInto = madeAdminInto(graph);
        Map<PrincipalNode, List<AccessEdge>> pathOf = new LinkedHashMap<>();
        Map<PrincipalNode, WhoCanEntry> target = new HashMap<>();
        Deque<PrincipalNode> queue = new ArrayDeque<>();
        // Definite direct principals first, so that nodes reaching both get the definite one.
        for (WhoCanEntry e : direct) {
            graph.node(e.arn()).ifPresent(n -> {
                pathOf.put(n, List.of());
                target.put(n, e);
                queue.add(n);
            });
        }
        while (!queue.isEmpty()) {
            PrincipalNode n = queue.poll();
            List<AccessEdge> path = pathOf.get(n);
            if (path.size() >= limits.maxDepth()) {
                continue;
            }
            List<AccessEdge> in = new ArrayList<>(graph.graph().incomingEdgesOf(n));
            in.sort(Comparator.comparing(AccessEdge::conditional));
            for (AccessEdge e : in) {
                if ((e.conditional() && !limits.allowConditional()) || pathOf.containsKey(e.from())) {
                    continue;
                }
                List<AccessEdge> longer = new ArrayList<>(path.size() + 1);
                longer.add(e);
                longer.addAll(path);
                pathOf.put(e.from(), longer);
                target.put(e.from(), target.get(n));
                queue.add(e.from());
            }
            if (path.size() + 2 > limits.maxDepth()) {
                continue;
            }
            for (AccessEdge e : madeAdminInto.getOrDefault(n, List.of())) {
                if ((e.conditional() && !limits.allowConditional()) || pathOf.containsKey(e.from())) {
                    continue;
                }
                List<AccessEdge> longer = new ArrayList<>(path.size() + 2);
                longer.add(e);
                longer.add(new AccessEdge(e.to(), n, EdgeKind.ESCALATE, YIELDS_ADMIN, List.of(), Constraint.TRUE,
                        false));
                longer.addAll(path);
                pathOf.put(e.from(), longer);
                target.put(e.from(), target.get(n));
                queue.add(e.from());
            }
        }
        List<WhoCanEntry> out = new ArrayList<>();
        pathOf.forEach((n, path) -> {
            if (path.isEmpty()) {
                return;
            }
            WhoCanEntry through = target.get(n);
            List<Hop> hops = path.stream().map(Hop::of).toList();
            Set<String> keys = new LinkedHashSet<>(Hop.keys(hops));
            keys.addAll(through.conditionKeys());
            out.add(new WhoCanEntry(n.arn(), n.kind().name().toLowerCase(Locale.ROOT), through.conditional()
                    || Hop.anyConditional(hops), List.copyOf(keys), through.arn(), hops, through.statement()));
        });
        out.sort(Comparator.comparingInt((WhoCanEntry e) -> e.path().size()).thenComparing(WhoCanEntry::conditional)
                .thenComparing(WhoCanEntry::arn));
        return out;
    }

    /** Per account node, the edges that make a principal of its account admin-equivalent (not the node itself). */
    private static Map<PrincipalNode, List<AccessEdge>> madeAdminInto(AccessGraph graph) {
        Map<PrincipalNode, List<AccessEdge>> out = new HashMap<>();
        for (AccessEdge e : graph.graph().edgeSet()) {
            PrincipalNode to = e.to();
            if (e.yieldsAdmin() && to.kind() != NodeKind.ROOT && to.account() != null) {
                graph.node("arn:aws:iam::" + to.account() + ":root")
                        .ifPresent(root -> out.computeIfAbsent(root, k -> new ArrayList<>()).add(e));
            }
        }
        return out;
    }
}
