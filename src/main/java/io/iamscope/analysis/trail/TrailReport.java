package io.iamscope.analysis.trail;

import io.iamscope.analysis.Hop;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the attacker holding the start did, laid over what the access graph says it could do.
 *
 * @param start       what the user typed
 * @param startArn    the principal it resolved to
 * @param since       the window's start, null when open
 * @param until       the window's end, null when open
 * @param reachable   how many users and roles the graph says the start can act as (itself excluded)
 * @param notUsed     those of them the attacker did not act as, nearest first
 * @param notUsedPaths the graph's paths from the start to the nearest {@link #PATHS_KEPT} of {@code notUsed}, by
 *                    ARN, for a page that draws what the attacker could have done (the rest are counted there)
 * @param unexplained successful calls the snapshot says their principal could not make
 * @param actionsNotChecked successful actions (per principal) not asked of the snapshot: an event name that is
 *                    not an IAM action, a principal the snapshot (with the changes made before the call) does not hold
 * @param changesApplied the attacker's successful changes applied to the snapshot along the way, each call asked of
 *                    the snapshot with the changes made before it (0 when the window hides changes)
 * @param windowHidesChanges a window start was given, so changes before it are not seen and no call is checked
 *                    against the snapshot
 * @param after       the access the attacker's changes bought (as of {@code --as-of}, else the last change)
 */
public record TrailReport(String start, String startArn, Instant since, Instant until, LogsRead logs,
                          List<CredentialUse> credentials, List<ObservedHop> hops, List<PrincipalUse> principals,
                          List<ActionUse> actions, List<ResourceUse> resources, long resourcesNotListed,
                          List<Change> changes, List<UnexplainedCall> unexplained, long actionsNotChecked,
                          int changesApplied, boolean windowHidesChanges, AfterChanges after, int reachable,
                          List<String> notUsed,
                          Map<String, List<Hop>> notUsedPaths) {
    /** Paths of principals not used kept for drawing: a page draws at most this many principals. */
    public static final int PATHS_KEPT = 60;

    public TrailReport {
        credentials = List.copyOf(credentials);
        hops = List.copyOf(hops);
        principals = List.copyOf(principals);
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        changes = List.copyOf(changes);
        unexplained = List.copyOf(unexplained);
        notUsed = List.copyOf(notUsed);
        notUsedPaths = Map.copyOf(notUsedPaths);
    }

    public List<ObservedHop> unpredicted() {
        return hops.stream().filter(h -> h.status() == HopStatus.UNPREDICTED).toList();
    }

    public List<PrincipalUse> unpredictedPrincipals() {
        return principals.stream().filter(p -> !p.predicted()).toList();
    }

    public long calls() {
        return actions.stream().mapToLong(a -> a.succeeded() + a.denied() + a.failed()).sum();
    }

    public long denied() {
        return actions.stream().mapToLong(ActionUse::denied).sum();
    }

    /** The calls by ATT&amp;CK tactic, in the order the attacker first used each: the attack's phases. */
    public List<TacticUse> tactics() {
        return TacticUse.of(actions);
    }
}
