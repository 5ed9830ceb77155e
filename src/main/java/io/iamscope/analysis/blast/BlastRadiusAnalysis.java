package io.iamscope.analysis.blast;

import io.iamscope.analysis.Hop;
import io.iamscope.analysis.Workspace;
import io.iamscope.analysis.blast.enumerate.AccessEnumerator;
import io.iamscope.analysis.blast.enumerate.Allowed;
import io.iamscope.analysis.blast.enumerate.EnumerationLists;
import io.iamscope.analysis.blast.enumerate.EnumerationPlan;
import io.iamscope.analysis.blast.enumerate.ParallelEnumeration;
import io.iamscope.analysis.blast.enumerate.Subject;
import io.iamscope.analysis.hunt.HuntTarget;
import io.iamscope.analysis.hunt.HuntingQueries;
import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.Tactics;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.BuildPhase;
import io.iamscope.graph.BuildProgress;
import io.iamscope.access.AdminStatus;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.AccessKey;
import io.iamscope.model.Account;
import io.iamscope.model.Principal;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Role;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jgrapht.GraphPath;

/**
 * Computes the {@link BlastRadius} of a principal: the workspace's access graph says whom it can become, its
 * engine what each of those can do ({@link AccessEnumerator}, in parallel across principals), the catalog's
 * tactics what that means for an incident, and {@link HuntingQueries} where to look in CloudTrail. One analysis
 * keeps the snapshot's enumeration lists ({@link EnumerationLists}) for every blast radius it computes.
 */
public final class BlastRadiusAnalysis {
    private final Workspace workspace;
    private final SnapshotIndex index;
    private final Catalog catalog;
    private final Tactics tactics;
    /** Made on first use, by the first thread that needs them (a blast radius makes them on a spare core). */
    private volatile EnumerationLists lists;
    /** Ends {@link #prepareDuringBuild} early: an analysis is done. */
    private volatile boolean listsAheadStopped;

    public BlastRadiusAnalysis(Workspace workspace, Tactics tactics) {
        this.workspace = workspace;
        this.index = workspace.index();
        this.catalog = workspace.catalog();
        this.tactics = tactics;
    }

    /** The snapshot's enumeration lists, made on first use and kept for every blast radius of this analysis. */
    EnumerationLists lists() {
        EnumerationLists l = lists;
        if (l == null) {
            synchronized (this) {
                l = lists;
                if (l == null) {
                    l = new EnumerationLists(index, catalog, workspace.targetFacts());
                    lists = l;
                }
            }
        }
        return l;
    }

    /**
     * Work for the core a graph build leaves idle in its last phase ({@link BuildPhase#ASSEMBLY}, one thread:
     * 0.3 s on the generated large account, docs/performance.md): starts building the snapshot's resource and
     * target lists and classes of actions, which the blast radius then finds made. Hand it to
     * {@link Workspace#graph(RequestContext, BuildProgress)}; the work is not waited for, and ends when an
     * analysis is done.
     */
    public BuildProgress prepareDuringBuild() {
        return phase -> {
            if (phase == BuildPhase.ASSEMBLY) {
                Thread t = new Thread(this::prepareAhead, "iamscope-lists-ahead");
                t.setDaemon(true);
                t.start();
            }
        };
    }

    /** Builds the enumeration lists ahead of any analysis, until an analysis is done. */
    void prepareAhead() {
        try {
            lists().prepare(() -> listsAheadStopped);
        } catch (RuntimeException ignored) {
            // Only a head start: the analysis builds what it needs, and meets the error itself.
        }
    }

    /**
     * @param query   the start: a user or role ARN or name, an assumed-role session ARN, an access key id
     * @param profile the attacker profile's name, for the report
     * @param context the attacker's request context (profile defaults with the user's overrides)
     * @throws io.iamscope.model.LookupException when the start is not in the snapshot
     */
    public BlastRadius analyse(String query, String profile, RequestContext context, BlastOptions options) {
        PrincipalRef who = index.resolvePrincipal(query);
        AccessGraph graph = workspace.graph(context);
        // The enumerator's resource and target lists are built on another core while the paths are found.
        CompletableFuture<AccessEnumerator> ready = prepared(context, options.threads());
        Start start = new Start(query, who.arn(), who.kind().name().toLowerCase(Locale.ROOT), who.accountId(),
                who.via());
        List<String> notes = new ArrayList<>();
        PrincipalNode node = graph.node(who.arn()).orElse(null);
        // A start that reaches no one is one enumeration, which builds the lists it needs as it goes; several
        // would wait on each other for them, so those are prepared ahead, while the paths are found.
        boolean reachesOthers = node != null && graph.graph().outDegreeOf(node) > 0;
        ready.thenAccept(e -> e.wantPrepared(reachesOthers));
        // The start is always enumerated in full (EnumerationPlan): begun now, on the core the path search
        // leaves idle, rather than after the plan.
        CompletableFuture<List<Allowed>> startAccess = options.threads() <= 1 ? null
                : ready.thenApplyAsync(e -> e.enumerate(who));
        List<Reachable> reachable = new ArrayList<>();
        AdminStatus own = AdminStatus.NOT_ADMIN;
        if (node == null) {
            notes.add("`" + who.arn() + "` is not in the access graph: only its own permissions are listed");
        } else {
            own = graph.admin(node);
            reachable = reachable(graph, node, options);
        }
        AdminFinding admin = admin(own, reachable);
        if (own.admin() && !own.how().isEmpty()) {
            notes.add("`" + who.arn() + "` can make itself an administrator (" + own.how() + "): the access listed"
                    + " is what it holds now; as an administrator it could do whatever SCPs allow in account `"
                    + who.accountId() + "`");
        }

        // The start acts as itself (as the session the user named, if any); reachable principals by their ARN.
        Map<String, Subject> subjects = new LinkedHashMap<>();
        subjects.put(who.arn(), new Subject(who, List.of()));
        for (Reachable r : reachable) {
            Principal p = index.principal(r.arn());
            if (p instanceof User || p instanceof Role) {
                subjects.putIfAbsent(r.arn(), new Subject(index.resolvePrincipal(r.arn()), r.path()));
            } else if (r.kind() == NodeKind.ROOT) {
                notes.add("root user of account `" + r.account() + "` is reachable: it holds every permission of"
                        + " that account that SCPs allow (not enumerated)");
            } else if (r.kind() != NodeKind.GROUP) {
                notes.add(r.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " `" + r.arn()
                        + "` is reachable: its permissions are outside the snapshot (not enumerated)");
            }
        }
        AccessEnumerator enumerator = joined(ready);
        EnumerationPlan plan = EnumerationPlan.of(index, catalog, graph, who.arn(), subjects, enumerator::unrestricted);
        // One queue, the full enumerations first: a core done with a short one goes on with the partial ones
        // instead of waiting for the administrator's.
        Map<String, Subject> queue = new LinkedHashMap<>(plan.full());
        plan.partial().keySet().forEach(arn -> queue.put(arn, subjects.get(arn)));
        Map<String, List<Allowed>> allowed = ParallelEnumeration.run(queue, s -> {
            if (s.ref() == who && startAccess != null) {
                return joined(startAccess);
            }
            EnumerationPlan.Where where = plan.partial().get(s.ref().arn());
            return where == null ? enumerator.enumerate(s.ref()) : enumerator.enumerateOn(s.ref(), where);
        }, options.threads());
        notes.addAll(coverageNotes(plan));
        enumerator.stopPreparing();
        listsAheadStopped = true;
        AccessSummary summary = AccessSummary.of(catalog, tactics, subjects, allowed, index::accountOf,
                options.threads());

        List<HuntTarget> targets = huntTargets(who, reachable);
        HuntingQueries hunting = new HuntingQueries(options.athenaTable(), options.eventDataStore());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(who.accountId(), label(who.accountId()));
        reachable.forEach(r -> labels.computeIfAbsent(r.account(), this::label));
        labels.remove(null);
        return new BlastRadius(start, profile, own.admin(), own.admin() ? own.how() : "", admin.reached,
                admin.conditional, admin.path, admin.via, reachable, List.copyOf(allowed.keySet()), summary.tactics(),
                summary.services(), summary.sets(), targets, hunting.forTargets(targets, options.huntSince()), notes,
                labels, CredentialUses.of(index, who.arn(), reachable),
                new io.iamscope.analysis.GapsInPlay(index.snapshot()).forAnyAnswer());
    }

    private String label(String accountId) {
        Account a = accountId == null ? null : index.snapshot().account(accountId);
        return a == null ? accountId : a.label();
    }

    /**
     * The enumerator, built on another thread, which then goes on preparing its lists
     * ({@link AccessEnumerator#prepare}) until the analysis stops it. With one thread, built here, lists built
     * as needed.
     */
    private CompletableFuture<AccessEnumerator> prepared(RequestContext context, int threads) {
        Supplier<AccessEnumerator> build = () -> new AccessEnumerator(workspace, lists(), context);
        if (threads <= 1) {
            return CompletableFuture.completedFuture(build.get());
        }
        CompletableFuture<AccessEnumerator> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            AccessEnumerator e;
            try {
                e = build.get();
            } catch (RuntimeException | Error x) {
                f.completeExceptionally(x);
                return;
            }
            f.complete(e);
            try {
                e.prepare();
            } catch (RuntimeException ignored) {
                // Only a head start: an enumeration that needs the list builds it, and meets the error itself.
            }
        }, "iamscope-blast-prepare");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** The future's value, or what computing it threw, as thrown (not wrapped: the CLI reports model errors). */
    private static <T> T joined(CompletableFuture<T> ready) {
        try {
            return ready.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** What the plan left out, per account: never silently. */
    private static List<String> coverageNotes(EnumerationPlan plan) {
        Map<String, List<String>> byAdmin = new LinkedHashMap<>();
        plan.coveredBy().forEach((arn, admin) -> byAdmin.computeIfAbsent(admin, k -> new ArrayList<>()).add(arn));
        List<String> out = new ArrayList<>();
        byAdmin.forEach((admin, arns) -> {
            long enumerated = arns.stream().filter(plan.partial()::containsKey).count();
            EnumerationPlan.Cover cover = plan.covers().get(admin);
            int byOthers = cover.more().values().stream().mapToInt(ActionSet::size).sum();
            String allows = "its own policies allow every action on every resource";
            if (byOthers + cover.gap().size() > 0) {
                allows += " but " + (byOthers + cover.gap().size()) + " of the catalog's actions; "
                        + (cover.more().isEmpty() ? "" : cover.more().size() + " other administrator(s) stand for them"
                        + " on " + byOthers + " of those, and ") + "the remaining " + cover.gap().size()
                        + " were enumerated for each principal";
            }
            String reached = cover.pathKeys().isEmpty() ? "reached by a definite path"
                    : "reached under " + String.join(", ", new java.util.TreeSet<>(cover.pathKeys()));
            String where = (cover.gap().size() + byOthers > 0 ? "on those actions, " : "")
                    + "where a policy names them or tests the caller's identity, and on the resources their own"
                    + " policies name where an SCP's or RCP's condition may decide otherwise than on `*`";
            out.add(arns.size() + " reachable principal(s) of account `" + io.iamscope.policy.Arn.accountOf(admin)
                    + "` were not enumerated in full: administrator `" + admin + "`, " + reached + ","
                    + " can become any of them, and " + allows + " (" + enumerated + " of them were enumerated in"
                    + " part: " + where + "); as an administrator it can also grant itself any permission SCPs"
                    + " allow, beyond what it holds now (listed)");
        });
        return out;
    }

    private static List<Reachable> reachable(AccessGraph graph, PrincipalNode start, BlastOptions options) {
        Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> paths = graph.reachableFrom(start, options.limits());
        List<Reachable> out = new ArrayList<>();
        // Shortest paths share their first edges: each edge's hop is described once.
        Map<AccessEdge, Hop> hopOf = new java.util.IdentityHashMap<>();
        paths.forEach((n, path) -> {
            List<Hop> hops = path.getEdgeList().stream().map(e -> hopOf.computeIfAbsent(e, Hop::of)).toList();
            AdminStatus a = graph.admin(n);
            // A technique that gives its target arbitrary permissions makes it an administrator, whatever it holds now.
            List<AccessEdge> edges = path.getEdgeList();
            boolean granted = !edges.isEmpty() && edges.get(edges.size() - 1).yieldsAdmin();
            out.add(new Reachable(n.arn(), n.kind(), n.account(), hops, Hop.anyConditional(hops),
                    a.admin() || granted, a.admin() ? a.conditional() : false));
        });
        // Nearest first, definite before conditional, then by ARN: the order a responder reads them in.
        out.sort(Comparator.comparingInt((Reachable r) -> r.path().size()).thenComparing(Reachable::conditional)
                .thenComparing(Reachable::arn));
        return out;
    }

    private record AdminFinding(boolean reached, boolean conditional, List<Hop> path, String via) {
    }

    /**
     * The start is or can become an administrator: it is one, it reaches one, or a hop on a path to something
     * gives the target arbitrary permissions ({@code yieldsAdmin}). Definite findings beat conditional ones,
     * then shorter paths.
     */
    private static AdminFinding admin(AdminStatus own, List<Reachable> reachable) {
        if (own.admin() && !own.conditional()) {
            return new AdminFinding(true, false, List.of(), null);
        }
        AdminFinding best = own.admin() ? new AdminFinding(true, true, List.of(), null) : null;
        for (Reachable r : reachable) {
            List<Hop> toAdmin = null;
            boolean conditional = r.conditional();
            if (r.admin()) {
                toAdmin = r.path();
                conditional |= r.adminConditional();
            }
            if (toAdmin != null) {
                AdminFinding f = new AdminFinding(true, conditional, toAdmin, r.arn());
                if (best == null || better(f, best)) {
                    best = f;
                }
            }
        }
        return best == null ? new AdminFinding(false, false, List.of(), null) : best;
    }

    private static boolean better(AdminFinding a, AdminFinding b) {
        if (a.conditional != b.conditional) {
            return !a.conditional;
        }
        return a.path.size() < b.path.size();
    }

    /**
     * The start and its access keys; every account the attacker controls (its node is reachable), which stands
     * for all its identities; and the reachable users, roles and roots of other accounts, with every access key
     * of those users. A taken account of thousands of principals is one condition, not thousands.
     */
    private List<HuntTarget> huntTargets(PrincipalRef who, List<Reachable> reachable) {
        Set<String> taken = new LinkedHashSet<>();
        for (Reachable r : reachable) {
            if (r.kind() == NodeKind.ROOT) {
                taken.add(r.account());
            }
        }
        Set<String> arns = new LinkedHashSet<>();
        arns.add(who.arn());
        for (Reachable r : reachable) {
            if ((r.kind() == NodeKind.USER || r.kind() == NodeKind.ROLE || r.kind() == NodeKind.ROOT)
                    && !taken.contains(r.account())) {
                arns.add(r.arn());
            }
        }
        List<HuntTarget> out = new ArrayList<>();
        taken.forEach(a -> out.add(HuntTarget.account(a)));
        arns.forEach(a -> out.add(HuntTarget.ofArn(a)));
        // account -> user name -> key ids, built once: thousands of reachable users each look theirs up.
        Map<String, Map<String, List<String>>> keys = new java.util.HashMap<>();
        for (String arn : arns) {
            if (index.principal(arn) instanceof User u) {
                Map<String, List<String>> byUser = keys.computeIfAbsent(u.accountId(), this::keysByUser);
                // Inactive keys too: an attacker with IAM rights can reactivate one.
                byUser.getOrDefault(u.name(), List.of()).forEach(id -> out.add(HuntTarget.accessKey(id)));
            }
        }
        return out;
    }

    private Map<String, List<String>> keysByUser(String accountId) {
        Account account = index.snapshot().account(accountId);
        Map<String, List<String>> out = new java.util.HashMap<>();
        for (AccessKey k : account == null ? List.<AccessKey>of() : account.accessKeys()) {
            out.computeIfAbsent(k.userName(), n -> new ArrayList<>()).add(k.accessKeyId());
        }
        return out;
    }
}
