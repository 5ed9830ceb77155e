package io.iamscope.graph;

import io.iamscope.access.AdminCheck;
import io.iamscope.access.AdminStatus;
import io.iamscope.access.Targets;
import io.iamscope.access.Evidence;
import io.iamscope.access.Actor;
import io.iamscope.access.AccessChecker;
import io.iamscope.access.Inventory;
import io.iamscope.access.TargetFacts;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Technique;
import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Inventory;
import io.iamscope.access.TargetFacts;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Technique;
import io.iamscope.access.AdminStatus;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.Constraint;
import io.iamscope.model.Account;
import io.iamscope.model.Group;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Role;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.User;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * Builds the {@link AccessGraph} of a snapshot (docs/techniques.md):
 *
 * <ol>
 *   <li>nodes: users, roles, groups, one node per account of the snapshot (its root user, standing for
 *       whoever is admin-equivalent there), and the outsiders trust policies name;</li>
 *   <li>MEMBER edges user → group;</li>
 *   <li>ASSUME edges for candidate pairs from the {@link TrustIndex} only, each decided by the engine (trust
 *       policy and caller side together), in parallel over principals;</li>
 *   <li>entry edges from services, identity providers, outside accounts and anyone to the roles that trust
 *       them;</li>
 *   <li>admin status and ESCALATE edges of every technique it is handed, in parallel over
 *       principals, each technique skipped for principals whose policies never name one of its actions (nor,
 *       for techniques on existing resources, any resource policy of the snapshot);</li>
 *   <li>the compact admin encoding: one edge from each admin-equivalent principal to its account node, and
 *       one edge from the account node to each user and role of the account (not O(admins × principals)).</li>
 * </ol>
 *
 * Graph building is the only place where JGraphT's (non-thread-safe) graph is written, after the parallel
 * phases have collected their edges.
 */
public final class GraphBuilder {
    /** Technique id of the edge from an admin-equivalent principal to its account node. */
    public static final String ADMIN_EQUIVALENT = "admin-equivalent";
    /** Technique id of the edges from an account node to the principals of the account. */
    public static final String ACCOUNT_ADMIN = "account-admin";
    public static final String ASSUME_ROLE = "assume-role";
    public static final String MEMBER = "member";
    /** The account that stands for "anyone" when a trust policy says {@code "Principal": "*"}. */
    static final String OUTSIDER = "000000000000";

    private final SnapshotIndex index;
    private final AccessChecker checker;
    private final TargetFacts facts;
    private final Inventory inventory;
    private final TrustIndex trust;
    private final List<Technique> techniques;
    private final BuildProgress progress;
    private final Map<String, PrincipalNode> nodes = new LinkedHashMap<>();
    /** Per account, the roles trusting it or anyone, admins first, shared by the account's principals. */
    private final Map<String, Shared> sharedCandidates = new ConcurrentHashMap<>();
    /** Per actor, the roles it can assume directly, found by the assume phase and read by techniques. */
    private final Map<String, List<Role>> assumable = new ConcurrentHashMap<>();
    /** The actors that reach, by one assume, an admin role of their own account. */
    private final Set<String> reachOwnAdmin = ConcurrentHashMap.newKeySet();

    private GraphBuilder(AccessChecker checker, TargetFacts facts, List<Technique> techniques, BuildProgress progress) {
        this.index = checker.gatherer().index();
        this.checker = checker;
        this.facts = facts;
        this.inventory = new Inventory(index);
        this.trust = new TrustIndex(inventory.roles());
        this.techniques = List.copyOf(techniques);
        this.progress = progress;
    }

    /**
     * Builds the access graph of the checker's snapshot with the given techniques, every request starting from
     * the checker's attacker context. The catalog checks that every action a technique requires exists (a
     * misspelt action would silently never match).
     *
     * @param facts    the snapshot's target facts, shared with the analyses that follow
     * @param progress told as each phase starts
     */
    public static JGraphTAccessGraph build(AccessChecker checker, TargetFacts facts, Catalog catalog,
                                           List<Technique> techniques, BuildProgress progress) {
        checkTechniques(catalog, techniques);
        return new GraphBuilder(checker, facts, techniques, progress).run();
    }

    private static void checkTechniques(Catalog catalog, List<Technique> techniques) {
        if (catalog != null) {
            for (Technique t : techniques) {
                for (String a : t.info().requiredActions()) {
                    if (catalog.action(a).isEmpty()) {
                        throw new IllegalStateException("technique `" + t.info().id() + "` requires `" + a
                                + "`, which the catalog does not know");
                    }
                }
            }
        }
    }

    private JGraphTAccessGraph run() {
        Phases phases = new Phases(progress);
        DirectedPseudograph<PrincipalNode, AccessEdge> g = new DirectedPseudograph<>(null, null, false);
        Map<PrincipalNode, AdminStatus> admins = new HashMap<>();
        for (Account a : index.snapshot().accounts()) {
            PrincipalNode root = node(rootArn(a.accountId()), NodeKind.ROOT, a.accountId());
            admins.put(root, new AdminStatus(true, Constraint.TRUE, "account root", List.of()));
            a.users().forEach(u -> node(u.arn(), NodeKind.USER, u.accountId()));
            a.roles().forEach(r -> node(r.arn(), NodeKind.ROLE, r.accountId()));
            a.groups().forEach(gr -> node(gr.arn(), NodeKind.GROUP, gr.accountId()));
        }
        List<PrincipalRef> refs = new ArrayList<>();
        for (User u : inventory.users()) {
            refs.add(new PrincipalRef(PrincipalRef.Kind.USER, u, u.accountId(), null, null));
        }
        for (Role r : inventory.roles()) {
            refs.add(new PrincipalRef(PrincipalRef.Kind.ROLE, r, r.accountId(), null, null));
        }
        List<Actor> actors = refs.parallelStream().map(checker::actor).toList();
        phases.done(BuildPhase.ACTORS);
        // Every phase adds its edges in the actors' order, the parallel ones too (an ordered stream per actor):
        // the graph, its exports and the equal-length paths it gives do not depend on the threads' timing.
        Queue<AccessEdge> edges = new ArrayDeque<>();
        memberEdges(edges);

        // Admin status first: an admin reaches its whole account through the account node, so its
        // same-account edges would add nothing but size.
        Map<String, AdminStatus> status = new ConcurrentHashMap<>();
        actors.parallelStream().forEach(a -> {
            AdminStatus s = AdminCheck.of(checker, a);
            if (s.admin()) {
                status.put(a.arn(), s);
            }
        });
        for (Actor a : actors) {
            AdminStatus s = status.get(a.arn());
            if (s != null) {
                PrincipalNode from = nodes.get(a.arn());
                admins.put(from, s);
                edges.add(new AccessEdge(from, nodes.get(rootArn(a.account())), EdgeKind.ESCALATE, ADMIN_EQUIVALENT,
                        s.evidence(), s.condition(), false));
            }
        }
        // Pruning uses every admin, definite or conditional: a target then reached only through a conditional
        // admin is reported as conditionally reached, never dropped (docs/techniques.md, "Compact encoding").
        Set<String> knownAdmins = new HashSet<>(status.keySet());
        phases.done(BuildPhase.ADMIN);
        actors.parallelStream().map(a -> {
            Queue<AccessEdge> own = new ArrayDeque<>();
            assumeEdges(a, own, knownAdmins);
            return own;
        }).toList().forEach(edges::addAll);
        phases.done(BuildPhase.ASSUME);
        entryEdges(edges);

        BuildContext ctx = new BuildContext(checker, inventory, trust, facts, knownAdmins, assumable, techniques);
        Map<String, java.util.concurrent.atomic.LongAdder> techniqueNanos = new ConcurrentHashMap<>();
        List<Found> found = actors.parallelStream().map(a -> {
            List<Found> own = new ArrayList<>();
            if (dominated(a, knownAdmins)) {
                return own;
            }
            for (Technique t : techniques) {
                if (t.info().requiredActions().stream().allMatch(x -> checker.mentions(a, x)
                        || (t.grantableByResourcePolicy() && inventory.resourcePolicyMayAllow(x)))) {
                    long t0 = System.nanoTime();
                    t.find(a, ctx, e -> own.add(new Found(a, e, AdminCheck.conditionOf(e.evidence()))));
                    techniqueNanos.computeIfAbsent(t.info().id(), k -> new java.util.concurrent.atomic.LongAdder())
                            .add(System.nanoTime() - t0);
                }
            }
            return own;
        }).flatMap(List::stream).toList();
        phases.done(BuildPhase.TECHNIQUES);
        Set<PrincipalNode> selfMade = new HashSet<>();
        for (Found f : found) {
            Escalation e = f.escalation();
            Actor a = f.actor();
            PrincipalNode from = nodes.get(a.arn());
            Constraint when = f.when();
            if (e.target().equals(a.arn())) {
                // A SELF technique: the attacker makes itself admin-equivalent in one step. Its "how" is its
                // first definite one, else its first one (an administrator by its own policies keeps its own).
                AdminStatus had = admins.get(from);
                if (had == null || (selfMade.contains(from) && had.conditional() && when == Constraint.TRUE)) {
                    admins.put(from, new AdminStatus(true, when, e.technique(), e.evidence()));
                    selfMade.add(from);
                }
                edges.add(new AccessEdge(from, nodes.get(rootArn(a.account())), EdgeKind.ESCALATE, e.technique(),
                        e.evidence(), when, true));
            } else {
                PrincipalNode to = nodes.get(e.target());
                if (to != null) {
                    edges.add(new AccessEdge(from, to, EdgeKind.ESCALATE, e.technique(), e.evidence(), when,
                            e.yieldsAdmin()));
                }
            }
        }
        accountAdminEdges(edges);

        nodes.values().forEach(g::addVertex);
        // One edge per (from, to, technique, yields admin): the first definite one stands for the others, else the
        // first. An edge that yields admin is never folded into one that does not (a technique that runs others
        // again, iam-tag-user, can reach one target both ways).
        Map<EdgeKey, Integer> at = new HashMap<>();
        List<AccessEdge> kept = new ArrayList<>();
        for (AccessEdge e : edges) {
            Integer i = at.putIfAbsent(new EdgeKey(e.from(), e.to(), e.technique(), e.yieldsAdmin()), kept.size());
            if (i == null) {
                kept.add(e);
            } else if (kept.get(i).conditional() && !e.conditional()) {
                kept.set(i, e);
            }
        }
        kept.forEach(e -> g.addEdge(e.from(), e.to(), e));
        phases.done(BuildPhase.ASSEMBLY);
        List<String> stats = new ArrayList<>(phases.lines);
        techniqueNanos.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue().sum(), x.getValue().sum()))
                .limit(5).forEach(e -> stats.add(String.format(Locale.ROOT, "technique %s: %.2f s (all threads)",
                        e.getKey(), e.getValue().sum() / 1e9)));
        checker.counts().entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(8)
                .forEach(e -> stats.add("engine calls for " + e.getKey() + ": " + e.getValue()));
        return new JGraphTAccessGraph(g, nodes, admins, stats);
    }

    /** What makes an edge a duplicate of another. */
    private record EdgeKey(PrincipalNode from, PrincipalNode to, String technique, boolean yieldsAdmin) {
    }

    /** A technique use found for an actor, collected from the parallel phase, with what it depends on. */
    private record Found(Actor actor, Escalation escalation, Constraint when) {
    }

    /** Phase timings, kept for {@link JGraphTAccessGraph#buildStats()} (docs/performance.md), told as they start. */
    private static final class Phases {
        private final List<String> lines = new ArrayList<>();
        private final BuildProgress progress;
        private long last = System.nanoTime();

        Phases(BuildProgress progress) {
            this.progress = progress;
            progress.started(BuildPhase.ACTORS);
        }

        void done(BuildPhase phase) {
            long now = System.nanoTime();
            lines.add(String.format(Locale.ROOT, "%s: %.2f s", phase.label(), (now - last) / 1e9));
            last = now;
            if (phase.ordinal() + 1 < BuildPhase.values().length) {
                progress.started(BuildPhase.values()[phase.ordinal() + 1]);
            }
        }
    }

    private void memberEdges(Queue<AccessEdge> edges) {
        for (User u : inventory.users()) {
            for (Group gr : index.groupsOf(u)) {
                edges.add(new AccessEdge(nodes.get(u.arn()), nodes.get(gr.arn()), EdgeKind.MEMBER, MEMBER, List.of(),
                        Constraint.TRUE, false));
            }
        }
    }

    /**
     * A principal that is, or becomes by assuming a role, an admin of its own account (definitely or not)
     * reaches everything of that account through the account node: its technique edges would be redundant.
     */
    private boolean dominated(Actor a, Set<String> knownAdmins) {
        return knownAdmins.contains(a.arn()) || reachOwnAdmin.contains(a.arn());
    }

    /**
     * Assume edges of one principal. Roles whose trust names the principal are checked one by one (admin roles
     * first, the others last); the roles trusting its account or anyone (the same list for every principal of
     * the account, thousands in a large one) are decided per class of roles its policies cannot tell apart
     * ({@link AccessChecker#forEachAllowed}). Admin roles come first; once the principal reaches an admin role of an
     * account, the other roles of that account are reached through the account node and are skipped (the
     * graph stays proportional to the snapshot, not to principals × roles).
     */
    private void assumeEdges(Actor a, Queue<AccessEdge> edges, Set<String> knownAdmins) {
        List<Role> reached = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        if (knownAdmins.contains(a.arn())) {
            covered.add(a.account());
        }
        Set<Role> named = trust.naming(a.arn());
        namedRoles(a, named, true, knownAdmins, covered, reached, edges);
        Shared shared = sharedCandidates.computeIfAbsent(a.account(), k -> {
            List<Role> roles = adminFirst(trust.sharedCandidates(k), knownAdmins);
            Set<String> accounts = new HashSet<>();
            roles.forEach(r -> accounts.add(r.accountId()));
            Targets<Role> targets = new Targets<>(roles, Role::arn, facts, inventory.arns());
            return new Shared(targets, Set.copyOf(accounts));
        });
        java.util.function.Predicate<Role> skip = r -> r.arn().equals(a.arn()) || covered.contains(r.accountId())
                || (!named.isEmpty() && named.contains(r));
        // Nothing to do when every account of the list is reached through its account node already.
        boolean open = !covered.containsAll(shared.accounts());
        if (open && checker.mentions(a, "sts:AssumeRole")) {
            checker.forEachAllowed(a, "sts:AssumeRole", shared.roles(), checker.contextOf(a), skip, (r, e) -> {
                assume(a, r, e, knownAdmins, covered, reached, edges);
                return !covered.containsAll(shared.accounts());
            });
        } else if (open) {
            // No identity Allow names sts:AssumeRole: only a trust policy that grants on its own can let it in
            // (one trusting anyone, in its own account), so only those are checked.
            for (int i = 0; i < shared.roles().size(); i++) {
                Role r = shared.roles().get(i);
                if (trust.anyone().contains(r) && !skip.test(r)) {
                    assume(a, r, checker.check(a, "sts:AssumeRole", r.arn()), knownAdmins, covered, reached, edges);
                }
            }
        }
        namedRoles(a, named, false, knownAdmins, covered, reached, edges);
        assumable.put(a.arn(), List.copyOf(reached));
        if (covered.contains(a.account())) {
            reachOwnAdmin.add(a.arn());
        }
    }

    /** The roles whose trust names the principal, admin roles or the others, each checked. */
    private void namedRoles(Actor a, Set<Role> named, boolean admins, Set<String> knownAdmins, Set<String> covered,
                            List<Role> reached, Queue<AccessEdge> edges) {
        for (Role r : named) {
            if (knownAdmins.contains(r.arn()) == admins && !r.arn().equals(a.arn()) && !covered.contains(r.accountId())) {
                assume(a, r, checker.check(a, "sts:AssumeRole", r.arn()), knownAdmins, covered, reached, edges);
            }
        }
    }

    /** The roles trusting an account or anyone, admins first, and the accounts they are in. */
    private record Shared(Targets<Role> roles, Set<String> accounts) {
    }

    private void assume(Actor a, Role r, Evidence e, Set<String> knownAdmins, Set<String> covered, List<Role> reached,
                        Queue<AccessEdge> edges) {
        if (!e.allows()) {
            return;
        }
        reached.add(r);
        edges.add(new AccessEdge(nodes.get(a.arn()), nodes.get(r.arn()), EdgeKind.ASSUME, ASSUME_ROLE, List.of(e),
                e.condition(), false));
        // A conditional assume covers the account too (docs/techniques.md, "Compact encoding"): the graph stays
        // proportional to the snapshot, at the price of a definite path elsewhere showing as conditional.
        if (knownAdmins.contains(r.arn())) {
            covered.add(r.accountId());
        }
    }

    private static List<Role> adminFirst(List<Role> roles, Set<String> knownAdmins) {
        List<Role> out = new ArrayList<>(roles.size());
        roles.stream().filter(r -> knownAdmins.contains(r.arn())).forEach(out::add);
        roles.stream().filter(r -> !knownAdmins.contains(r.arn())).forEach(out::add);
        return out;
    }

    /** Edges into roles from those who stand outside the snapshot's principals. */
    private void entryEdges(Queue<AccessEdge> edges) {
        trust.byService().forEach((service, roles) -> {
            PrincipalNode from = node(service, NodeKind.SERVICE, null);
            roles.forEach(r -> entry(edges, from, r, checker.serviceAssume(service, r)));
        });
        trust.byProvider().forEach((provider, roles) -> {
            PrincipalNode from = node(provider, NodeKind.FEDERATED_PROVIDER, io.iamscope.policy.Arn.accountOf(provider));
            roles.forEach(r -> entry(edges, from, r, checker.federatedAssume(provider, r)));
        });
        if (!trust.anyone().isEmpty()) {
            nodes.put(PrincipalNode.ANYONE.arn(), PrincipalNode.ANYONE);
            trust.anyone().forEach(r -> entry(edges, PrincipalNode.ANYONE, r, checker.outsiderAssume(OUTSIDER, r)));
        }
        trust.byAccount().forEach((account, roles) -> {
            boolean inside = index.snapshot().account(account) != null;
            PrincipalNode from = node(rootArn(account), inside ? NodeKind.ROOT : NodeKind.EXTERNAL_ACCOUNT, account);
            for (Role r : roles) {
                // Same account: the account node already reaches every role of its account.
                if (!r.accountId().equals(account)) {
                    entry(edges, from, r, checker.outsiderAssume(account, r));
                }
            }
        });
    }

    private void entry(Queue<AccessEdge> edges, PrincipalNode from, Role r, Evidence e) {
        if (e.allows()) {
            edges.add(new AccessEdge(from, nodes.get(r.arn()), EdgeKind.ASSUME, ASSUME_ROLE, List.of(e), e.condition(),
                    false));
        }
    }

    /**
     * Whoever controls an account (its root user, or an admin-equivalent principal) can become any of its
     * users (new access keys) and roles (rewritten trust policies), but not service-linked roles, whose trust
     * policies cannot be edited.
     */
    private void accountAdminEdges(Queue<AccessEdge> edges) {
        for (Account a : index.snapshot().accounts()) {
            PrincipalNode root = nodes.get(rootArn(a.accountId()));
            for (User u : a.users()) {
                edges.add(new AccessEdge(root, nodes.get(u.arn()), EdgeKind.ESCALATE, ACCOUNT_ADMIN, List.of(),
                        Constraint.TRUE, false));
            }
            for (Role r : a.roles()) {
                if (!r.serviceLinked()) {
                    edges.add(new AccessEdge(root, nodes.get(r.arn()), EdgeKind.ESCALATE, ACCOUNT_ADMIN, List.of(),
                            Constraint.TRUE, false));
                }
            }
        }
    }

    private PrincipalNode node(String arn, NodeKind kind, String account) {
        return nodes.computeIfAbsent(arn, k -> new PrincipalNode(arn, kind, account));
    }

    static String rootArn(String account) {
        return "arn:aws:iam::" + account + ":root";
    }
}
