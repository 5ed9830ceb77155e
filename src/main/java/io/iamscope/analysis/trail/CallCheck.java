package io.iamscope.analysis.trail;

import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.analysis.trail.ChangeTimeline.State;
import io.iamscope.analysis.trail.CredentialLedger.TimedResource;
import io.iamscope.catalog.Catalog;
import io.iamscope.model.LookupException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks the engine, for each action a principal made succeed, whether the snapshot lets that principal make it: on
 * the resources the records name, or, when they name none, on any resource its policies name
 * ({@link io.iamscope.access.AccessChecker#checkNew}). Only a definite refusal is reported: what the records do not
 * say (the session's MFA, source network and time) is unknown, so a decision that depends on it is not a
 * contradiction.
 *
 * <p>Each call is asked of the snapshot as the attacker's changes made before it left it ({@link ChangeTimeline}):
 * a call after a new policy version is asked with that version. Event names that are not IAM actions and principals
 * the snapshot (with the changes) does not hold are counted as not checked.
 */
final class CallCheck {
    /**
     * Calls no policy needs to allow: "No permissions are required for users to perform this operation" (AWS STS
     * API Reference, GetSessionToken). The engine knows sts:GetCallerIdentity ({@code ServiceRule}); this one is not
     * asked, and counted as not checked.
     */
    private static final Set<String> NO_PERMISSION = Set.of("sts:GetSessionToken");

    private final Catalog catalog;
    private long notChecked;

    CallCheck(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Successful actions (per principal) not asked: not IAM actions, principals not held. */
    long notChecked() {
        return notChecked;
    }

    /**
     * @param succeededOn per action, the earliest resources it succeeded on
     * @param withoutResource per action, its earliest success in a record that names no resource
     */
    List<UnexplainedCall> check(String principalArn, Map<String, long[]> actions,
                                Map<String, ? extends Set<TimedResource>> succeededOn,
                                Map<String, Instant> withoutResource, ChangeTimeline timeline) {
        List<UnexplainedCall> out = new ArrayList<>();
        Map<State, Actor> actors = new HashMap<>();
        for (Map.Entry<String, long[]> e : actions.entrySet()) {
            String action = e.getKey();
            long succeeded = e.getValue()[0];
            if (succeeded == 0) {
                continue;
            }
            if (catalog.action(action).isEmpty() || NO_PERMISSION.contains(action)) {
                notChecked++;
                continue;
            }
            boolean asked = false;
            UnexplainedCall found = null;
            Set<TimedResource> resources = succeededOn.get(action);
            for (TimedResource r : resources == null ? Set.<TimedResource>of() : resources) {
                State s = timeline.before(r.time());
                Actor actor = actor(actors, s, principalArn);
                if (actor == null) {
                    continue;
                }
                asked = true;
                Evidence ev = s.checker().check(actor, action, r.arn());
                if (!ev.allows()) {
                    found = new UnexplainedCall(principalArn, action, r.arn(), r.time(), succeeded,
                            ev.outcome().word() + with(s));
                    break;
                }
            }
            Instant bare = withoutResource.get(action);
            if (found == null && bare != null) {
                State s = timeline.before(bare);
                Actor actor = actor(actors, s, principalArn);
                if (actor != null) {
                    asked = true;
                    Evidence ev = s.checker().checkNew(actor, action);
                    if (!ev.allows()) {
                        found = new UnexplainedCall(principalArn, action, null, bare, succeeded, ev.outcome().word()
                                + " on every resource its policies name" + with(s));
                    }
                }
            }
            if (found != null) {
                out.add(found);
            } else if (!asked) {
                notChecked++;
            }
        }
        return out;
    }

    /** The principal in that state of the snapshot, or null when it holds none of that ARN (not collected). */
    private static Actor actor(Map<State, Actor> actors, State s, String principalArn) {
        return actors.computeIfAbsent(s, x -> {
            try {
                return x.checker().actor(x.index().resolvePrincipal(principalArn));
            } catch (LookupException e) {
                return null;
            }
        });
    }

    private static String with(State s) {
        return s.changes() == 0 ? "" : " (with the attacker's " + s.changes() + " change(s) before it applied)";
    }
}
