package io.iamscope.analysis.trail;

import io.iamscope.analysis.diff.AdminState;
import io.iamscope.analysis.diff.EffectiveDiff;
import io.iamscope.analysis.diff.SnapshotDiff;
import io.iamscope.analysis.diff.StructuralDiff;
import io.iamscope.analysis.review.AdminReach;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessGraph;
import io.iamscope.graph.NodeKind;
import io.iamscope.graph.PathLimits;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.trail.TrailEvent;
import io.iamscope.policy.Arn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the attacker's changes bought: the snapshot with them applied compared with the snapshot, as {@code check}
 * compares a plan's result ({@link StructuralDiff}, {@link EffectiveDiff}), and the standing, before and after, of
 * every principal the attacker holds a credential of.
 */
final class ChangesBought {
    private final SnapshotIndex index;
    private final AccessGraph graph;
    private final RequestContext graphContext;
    private final PathLimits limits;
    private final UnaryOperator<String> canonical;

    /**
     * @param graph        the snapshot's access graph, built in {@code graphContext}
     * @param canonical    the snapshot's ARN of a principal CloudTrail names
     */
    ChangesBought(SnapshotIndex index, AccessGraph graph, RequestContext graphContext, PathLimits limits,
                  UnaryOperator<String> canonical) {
        this.index = index;
        this.graph = graph;
        this.graphContext = graphContext;
        this.limits = limits;
        this.canonical = canonical;
    }

    /**
     * The snapshot with the attacker's changes at or before {@code asOf} applied, compared with the snapshot: the
     * access those changes bought.
     */
    AfterChanges of(ChangeTimeline timeline, Instant asOf, String startArn, List<TrailEvent> made,
                    boolean windowHidesChanges) {
        ChangeTimeline.State s = timeline.asOf(asOf);
        int pending = timeline.changes().size() - s.changes();
        Instant last = s.changes() == 0 ? null : timeline.changes().get(s.changes() - 1).time();
        String label = "the same with the attacker's " + s.changes() + " change(s) applied"
                + (asOf == null ? "" : " (as of " + asOf + ")");
        AccessGraph afterGraph = graph;
        List<String> warnings = new ArrayList<>();
        if (windowHidesChanges) {
            warnings.add("the window (--since) hides the changes made before it: only those in it are applied");
        }
        SnapshotDiff diff = new SnapshotDiff("the snapshot", label, List.of(), List.of(), List.of(), warnings);
        if (s.changes() > 0) {
            warnings.addAll(s.applied().warnings());
            RequestContext.Builder context = graphContext.toBuilder();
            s.applied().unknownKeys().forEach(context::unknown);
            afterGraph = s.applied().workspace().graph(context.build());
            diff = new SnapshotDiff("the snapshot", label, StructuralDiff.between(index.snapshot(),
                    s.index().snapshot()), EffectiveDiff.between(graph, afterGraph, limits), List.of(), warnings);
        }
        return new AfterChanges(asOf, s.changes(), last, pending, s.applied().unknownKeys(),
                held(startArn, made, asOf, afterGraph), diff);
    }

    /** Calls that make a credential of a user, which the attacker then holds. */
    static final Set<String> CREDENTIAL_CALLS = Set.of("CreateAccessKey", "CreateLoginProfile",
            "UpdateLoginProfile");

    /** The start and the users the attacker made a credential of up to {@code asOf}, with their standing. */
    private List<HeldCredential> held(String startArn, List<TrailEvent> made, Instant asOf, AccessGraph afterGraph) {
        AdminReach before = AdminReach.of(graph, limits);
        AdminReach after = afterGraph == graph ? before : AdminReach.of(afterGraph, limits);
        List<HeldCredential> out = new ArrayList<>();
        out.add(held(startArn, "start", null, before, after, afterGraph));
        made.sort(Comparator.comparing(TrailEvent::time).thenComparing(TrailEvent::name));
        for (TrailEvent e : made) {
            if (asOf != null && e.time().isAfter(asOf)) {
                continue;
            }
            String user = e.request().get("userName");
            // Without userName the call is for the caller's own user (IAM API Reference, CreateAccessKey and
            // CreateLoginProfile).
            String arn = e.issuedKey() != null ? e.issuedKey().principalArn() : user == null ? e.identity().principalArn()
                    : "arn:" + Arn.partitionOf(e.identity().principalArn()) + ":iam::" + e.identity().accountId()
                    + ":user/" + user;
            String how = e.name() + (e.issuedKey() != null ? " " + e.issuedKey().accessKeyId() : "");
            out.add(held(canonical.apply(arn), how, e.time(), before, after, afterGraph));
        }
        return out;
    }

    private HeldCredential held(String arn, String how, Instant time, AdminReach before, AdminReach after,
                                AccessGraph afterGraph) {
        Optional<PrincipalNode> m = graph.node(arn);
        AdminState was = m.map(x -> EffectiveDiff.state(before, x)).orElse(AdminState.ABSENT);
        Optional<PrincipalNode> n = afterGraph.node(arn);
        AdminState is = n.map(x -> EffectiveDiff.state(after, x)).orElse(AdminState.ABSENT);
        return new HeldCredential(arn, how, time, was, is, adminIf(graph, m, was), adminIf(afterGraph, n, is));
    }

    private static boolean adminIf(AccessGraph g, Optional<PrincipalNode> n, AdminState s) {
        return s == AdminState.ADMIN && n.isPresent() && n.get().kind() != NodeKind.ROOT
                && g.admin(n.get()).conditional();
    }
}
