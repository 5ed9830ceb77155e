package io.iamscope.analysis.trail;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.Hop;
import io.iamscope.analysis.Workspace;
import io.iamscope.analysis.trail.CredentialLedger.Activity;
import io.iamscope.analysis.trail.CredentialLedger.Issuance;
import io.iamscope.catalog.CallTactics;
import io.iamscope.catalog.Tactics;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PathLimits;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.LookupException;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.trail.TrailEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jgrapht.GraphPath;

/**
 * Follows the attacker's credentials through the logs, from the start's, and lays each change of principal
 * over the access graph. A credential is the attacker's when it is the start's (its access key, or every
 * credential of the start principal when a principal is given) or when a call made with an attacker's credential
 * handed it out: a role session ({@code AssumeRole*}), a session or federation token, a new access key.
 */
public final class TrailAnalysis {
    private static final java.util.regex.Pattern KEY_ID = java.util.regex.Pattern.compile("(AKIA|ASIA)[A-Z0-9]{12,}");

    private final Workspace workspace;
    private final SnapshotIndex index;
    private final AccessGraph graph;
    private final RequestContext graphContext;
    private final PathLimits limits;
    private final ChangeOverlay overlay;
    private final Map<String, String> canonical = new HashMap<>();

    private final CallTactics tactics;

    /**
     * The context the logged calls are asked again in: what a CloudTrail record does not say is unknown (MFA and
     * its age, the session's issue time, source network, time, whether a service called on the caller's behalf),
     * so that only a decision that holds whatever they were is a contradiction.
     */
    public static RequestContext callContext() {
        return callContext(List.of());
    }

    /** {@link #callContext()} with more keys unknown: those standing for what the logs do not carry. */
    static RequestContext callContext(List<String> unknownKeys) {
        List<String> unknown = new ArrayList<>(List.of("aws:ViaAWSService", "aws:CalledVia"));
        unknown.addAll(unknownKeys);
        return AttackerProfile.INSIDER.context(Map.of(), unknown);
    }

    /**
     * @param workspace    the snapshot's: each principal's successful calls are asked of its engine again, in a
     *                     context of what CloudTrail records do not say ({@link #callContext()})
     * @param graph        the snapshot's access graph for the attacker, built in {@code graphContext}
     * @param overlay      how the attacker's changes are applied to the snapshot ({@code check}'s overlay)
     */
    public TrailAnalysis(Workspace workspace, AccessGraph graph, RequestContext graphContext, PathLimits limits,
                         ChangeOverlay overlay) {
        this.workspace = workspace;
        this.index = workspace.index();
        this.graph = graph;
        this.graphContext = graphContext;
        this.limits = limits;
        this.overlay = overlay;
        this.tactics = CallTactics.load(Tactics.load(workspace.catalog()));
    }

    /**
     * @param query the start as typed: an access key id, an assumed-role session ARN, a user or role ARN or name
     * @throws LookupException when the start is not in the snapshot
     */
    public TrailReport analyse(String query, CredentialLedger ledger, LogsRead logs, Instant since, Instant until) {
        return analyse(query, ledger, logs, since, until, null);
    }

    /**
     * @param asOf the attacker's changes at or before this time are applied for {@link TrailReport#after}; null:
     *             every change logged
     */
    public TrailReport analyse(String query, CredentialLedger ledger, LogsRead logs, Instant since, Instant until,
                               Instant asOf) {
        PrincipalRef who = index.resolvePrincipal(query);
        String startArn = who.arn();
        PrincipalNode startNode = graph.node(startArn).orElse(null);
        Map<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> reach = startNode == null ? Map.of()
                : graph.reachableFrom(startNode, limits);

        String q = query.trim();
        // A key follows that key, a session ARN that session; a user or role every credential it signed with.
        List<String> seeds = KEY_ID.matcher(q).matches() ? List.of(q)
                : q.contains(":assumed-role/") ? ledger.keysOfIdentity(q) : ledger.keysOf(startArn);
        Map<String, String> parent = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String s : seeds) {
            if (ledger.activity(s) != null) {
                parent.put(s, null);
                queue.add(s);
            }
        }
        List<ObservedHop> hops = new ArrayList<>();
        Set<String> created = new java.util.HashSet<>();
        List<String> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            String key = queue.poll();
            order.add(key);
            Activity a = ledger.activity(key);
            created.addAll(a.created);
            List<Issuance> issued = new ArrayList<>(a.issued);
            issued.sort(Comparator.comparing(Issuance::time)
                    .thenComparing(i -> String.valueOf(i.credential().accessKeyId()))
                    .thenComparing(i -> String.valueOf(i.credential().arn())));
            for (Issuance i : issued) {
                for (IssuedKeys.Handed h : IssuedKeys.of(i, ledger, this::canonical)) {
                    if (parent.containsKey(h.key())) {
                        continue;
                    }
                    parent.put(h.key(), key);
                    hops.add(hop(i, h, canonical(a.principalArn), created));
                    if (ledger.activity(h.key()) != null) {
                        queue.add(h.key());
                    }
                }
            }
        }
        hops.sort(Comparator.comparing(ObservedHop::time).thenComparing(ObservedHop::credential));

        List<CredentialUse> credentials = new ArrayList<>();
        Map<String, List<Activity>> byPrincipal = new LinkedHashMap<>();
        Map<String, long[]> actions = new TreeMap<>();
        Map<String, String> deniedOn = new TreeMap<>();
        Map<String, Instant[]> actionTimes = new HashMap<>();
        Map<String, long[]> resources = new HashMap<>();
        long resourcesDropped = 0;
        List<Change> changes = new ArrayList<>();
        List<TrailEvent> applied = new ArrayList<>();
        List<TrailEvent> credentialsMade = new ArrayList<>();
        for (String key : order) {
            Activity a = ledger.activity(key);
            long calls = 0;
            long denied = 0;
            for (Map.Entry<String, long[]> e : a.actions.entrySet()) {
                long[] sum = actions.computeIfAbsent(e.getKey(), k -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    sum[i] += e.getValue()[i];
                }
                calls += e.getValue()[0] + e.getValue()[1] + e.getValue()[2];
                denied += e.getValue()[1];
            }
            a.deniedOn.forEach((k, v) -> deniedOn.merge(k, v, (x, y) -> x.compareTo(y) <= 0 ? x : y));
            a.actionTimes.forEach((k, v) -> actionTimes.merge(k, v.clone(), (x, y) -> new Instant[] {
                x[0].isBefore(y[0]) ? x[0] : y[0], x[1].isAfter(y[1]) ? x[1] : y[1]}));
            a.resources.forEach((r, n) -> resources.computeIfAbsent(r, x -> new long[1])[0] += n[0]);
            resourcesDropped += a.resourcesDropped;
            String principal = canonical(a.principalArn);
            for (TrailEvent e : a.changes) {
                changes.add(new Change(e.time(), ChangeKind.of(e.name()), tactics.of(e.action()).orElse(null),
                        e.action(), principal, key, target(e),
                        e.errorCode() == null ? "ok" : e.errorCode()));
                if (!e.failed() && overlay.applies(e.name())) {
                    applied.add(e);
                }
                if (!e.failed() && ChangesBought.CREDENTIAL_CALLS.contains(e.name())) {
                    credentialsMade.add(e);
                }
            }
            credentials.add(new CredentialUse(key, a.identityArn, principal, parent.get(key), a.first, a.last,
                    List.copyOf(a.sourceIps), List.copyOf(a.regions), List.copyOf(a.userAgents), calls, denied));
            byPrincipal.computeIfAbsent(principal, p -> new ArrayList<>()).add(a);
        }
        credentials.sort(Comparator.comparing(CredentialUse::first).thenComparing(CredentialUse::key));
        changes.sort(Comparator.comparing(Change::time).thenComparing(Change::action));

        Map<String, GraphPath<PrincipalNode, AccessEdge>> pathTo = new HashMap<>();
        reach.forEach((n, p) -> pathTo.put(n.arn(), p));
        // A principal the attacker created is not in the snapshot, and is expected: the creation is the finding.
        Set<String> createdTo = hops.stream().filter(h -> h.status() == HopStatus.CREATED_IN_WINDOW)
                .map(ObservedHop::to).collect(Collectors.toSet());
        List<PrincipalUse> principals = new ArrayList<>();
        CallCheck callCheck = new CallCheck(workspace.catalog());
        // Same-second changes in a fixed order: the report must not vary with the order files are read in.
        applied.sort(Comparator.comparing(TrailEvent::time).thenComparing(TrailEvent::name)
                .thenComparing(e -> e.identity().credentialKey()).thenComparing(e -> e.request().toString()));
        ChangeTimeline timeline = new ChangeTimeline(workspace, applied, overlay);
        // A window hides the changes made before it (the attacker's, or anyone's since the snapshot was taken, which
        // the snapshot may or may not hold): nothing in it can be held against the snapshot.
        boolean windowHidesChanges = since != null;
        byPrincipal.forEach((arn, list) -> {
            boolean predicted = arn.equals(startArn) || pathTo.containsKey(arn) || createdTo.contains(arn);
            Instant first = list.stream().map(x -> x.first).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = list.stream().map(x -> x.last).max(Comparator.naturalOrder()).orElseThrow();
            long calls = 0;
            long denied = 0;
            for (Activity x : list) {
                for (long[] c : x.actions.values()) {
                    calls += c[0] + c[1] + c[2];
                    denied += c[1];
                }
            }
            principals.add(new PrincipalUse(arn, predicted, Hop.of(pathTo.get(arn)), first, last, list.size(), calls,
                    denied));
            if (!windowHidesChanges) {
                addCalls(callCheck, arn, list);
            }
        });
        principals.sort(Comparator.comparing(PrincipalUse::first).thenComparing(PrincipalUse::arn));
        List<UnexplainedCall> unexplained = callCheck.ask(timeline);

        List<ActionUse> actionList = actions.entrySet().stream().map(e -> new ActionUse(e.getKey(), e.getValue()[0],
                e.getValue()[1], e.getValue()[2], deniedOn.get(e.getKey()), tactics.of(e.getKey()).orElse(null),
                actionTimes.get(e.getKey())[0], actionTimes.get(e.getKey())[1])).toList();
        List<ResourceUse> resourceList = resources.entrySet().stream()
                .map(e -> new ResourceUse(e.getKey(), e.getValue()[0]))
                .sorted(Comparator.comparingLong(ResourceUse::calls).reversed().thenComparing(ResourceUse::arn))
                .toList();
        Set<String> used = byPrincipal.keySet();
        // Groups are held, not acted as, and an account node stands for its principals: neither is used by name.
        List<Map.Entry<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>>> notUsedReach = reach.entrySet().stream()
                .filter(e -> e.getKey().kind() != NodeKind.GROUP && e.getKey().kind() != NodeKind.ROOT)
                .filter(e -> !used.contains(e.getKey().arn()))
                .sorted(Comparator.comparingInt((Map.Entry<PrincipalNode, GraphPath<PrincipalNode, AccessEdge>> e)
                        -> e.getValue().getLength()).thenComparing(e -> e.getKey().arn()))
                .toList();
        List<String> notUsed = notUsedReach.stream().map(e -> e.getKey().arn()).toList();
        Map<String, List<Hop>> notUsedPaths = new LinkedHashMap<>();
        notUsedReach.stream().limit(TrailReport.PATHS_KEPT)
                .forEach(e -> notUsedPaths.put(e.getKey().arn(), Hop.of(e.getValue())));
        return new TrailReport(query, startArn, since, until, logs, credentials, hops, principals, actionList,
                resourceList, resourcesDropped, changes, unexplained, callCheck.notChecked(),
                windowHidesChanges ? 0 : applied.size(), windowHidesChanges,
                new ChangesBought(index, graph, graphContext, limits, this::canonical).of(timeline, asOf, startArn,
                        credentialsMade, windowHidesChanges),
                (int) reach.keySet().stream().filter(n -> n.kind() != NodeKind.GROUP && n.kind() != NodeKind.ROOT).count(),
                notUsed, notUsedPaths);
    }

    /** The principal's successful calls, over all its credentials, to ask of the snapshot as it stood then. */
    private static void addCalls(CallCheck callCheck, String arn, List<Activity> list) {
        Map<String, long[]> actions = new TreeMap<>();
        Map<String, java.util.TreeSet<CredentialLedger.TimedResource>> on = new HashMap<>();
        Map<String, Instant> without = new HashMap<>();
        for (Activity x : list) {
            x.actions.forEach((action, c) -> actions.computeIfAbsent(action, k -> new long[3])[0] += c[0]);
            x.succeededOn.forEach((action, r) -> on.computeIfAbsent(action, k -> new java.util.TreeSet<>()).addAll(r));
            x.succeededWithoutResource.forEach((action, t) -> without.merge(action, t, (a, b) -> a.isBefore(b) ? a : b));
        }
        callCheck.add(arn, actions, on, without);
    }

    private ObservedHop hop(Issuance i, IssuedKeys.Handed handed, String from, Set<String> created) {
        String to = canonical(handed.principalArn());
        String key = handed.key();
        if (to.equals(from)) {
            return new ObservedHop(i.time(), i.event(), from, to, key, HopStatus.SAME_PRINCIPAL, List.of());
        }
        Optional<PrincipalNode> a = graph.node(from);
        Optional<PrincipalNode> b = graph.node(to);
        if (a.isPresent() && b.isPresent()) {
            Optional<GraphPath<PrincipalNode, AccessEdge>> p = graph.path(a.get(), b.get(), limits);
            if (p.isPresent()) {
                return new ObservedHop(i.time(), i.event(), from, to, key, HopStatus.PREDICTED, Hop.of(p.get()));
            }
        }
        String name = to.substring(to.lastIndexOf('/') + 1);
        HopStatus status = b.isEmpty() && created.contains(name) ? HopStatus.CREATED_IN_WINDOW : HopStatus.UNPREDICTED;
        return new ObservedHop(i.time(), i.event(), from, to, key, status, List.of());
    }

    /** The snapshot's ARN of a principal CloudTrail names (CloudTrail leaves out paths in some places). */
    private String canonical(String arn) {
        if (arn == null) {
            return "unknown";
        }
        return canonical.computeIfAbsent(arn, x -> {
            if (!x.startsWith("arn:")) {
                return x;
            }
            try {
                return index.resolvePrincipal(x).arn();
            } catch (LookupException e) {
                return x;
            }
        });
    }

    private static String target(TrailEvent e) {
        return e.request().entrySet().stream()
                .filter(p -> p.getKey().endsWith("Name") || p.getKey().endsWith("Arn") || p.getKey().endsWith("Id")
                        || p.getKey().equals("name") || p.getKey().equals("status"))
                .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(" "));
    }
}
