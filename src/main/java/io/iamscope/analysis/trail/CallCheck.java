package io.iamscope.analysis.trail;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.analysis.trail.CredentialLedger.TimedResource;
import io.iamscope.catalog.Catalog;
import io.iamscope.model.LookupException;
import io.iamscope.model.SnapshotIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks the engine, for each action a principal made succeed, whether the snapshot lets that principal make it: on
 * the resources the records name, or, when they name none, on any resource its policies name
 * ({@link AccessChecker#checkNew}). Only a definite refusal is reported: what the records do not say (the session's
 * MFA, source network and time) is unknown, so a decision that depends on it is not a contradiction.
 *
 * <p>Only calls made before the attacker's first successful change that may alter permissions (a policy version,
 * an attachment, a trust edit: {@link ChangeKind#PERSISTENCE}) are asked: after it the snapshot no longer
 * describes the account, and those calls are counted as not checked until the changes are applied. So are event
 * names that are not IAM actions and principals the snapshot does not hold.
 */
final class CallCheck {
    private final SnapshotIndex index;
    private final Catalog catalog;
    private final AccessChecker checker;
    private long notChecked;

    CallCheck(SnapshotIndex index, Catalog catalog, AccessChecker checker) {
        this.index = index;
        this.catalog = catalog;
        this.checker = checker;
    }

    /** Successful actions (per principal) not asked: after the change, not IAM actions, principals not held. */
    long notChecked() {
        return notChecked;
    }

    /**
     * @param succeededOn per action, the earliest resources it succeeded on
     * @param withoutResource per action, its earliest success in a record that names no resource
     * @param boundary the attacker's first change that may alter permissions, null when none
     */
    List<UnexplainedCall> check(String principalArn, Map<String, long[]> actions,
                                Map<String, ? extends Set<TimedResource>> succeededOn,
                                Map<String, Instant> withoutResource, Instant boundary) {
        List<UnexplainedCall> out = new ArrayList<>();
        Actor actor = null;
        try {
            actor = checker.actor(index.resolvePrincipal(principalArn));
        } catch (LookupException e) {
            // created in the window, or not collected: nothing to ask
        }
        for (Map.Entry<String, long[]> e : actions.entrySet()) {
            String action = e.getKey();
            long succeeded = e.getValue()[0];
            if (succeeded == 0) {
                continue;
            }
            if (actor == null) {
                notChecked++;
                continue;
            }
            if (catalog.action(action).isEmpty()) {
                notChecked++;
                continue;
            }
            boolean asked = false;
            UnexplainedCall found = null;
            Set<TimedResource> resources = succeededOn.get(action);
            for (TimedResource r : resources == null ? Set.<TimedResource>of() : resources) {
                if (boundary != null && !r.time().isBefore(boundary)) {
                    continue;
                }
                asked = true;
                Evidence ev = checker.check(actor, action, r.arn());
                if (!ev.allows()) {
                    found = new UnexplainedCall(principalArn, action, r.arn(), r.time(), succeeded,
                            ev.outcome().word());
                    break;
                }
            }
            Instant bare = withoutResource.get(action);
            if (found == null && bare != null && (boundary == null || bare.isBefore(boundary))) {
                asked = true;
                Evidence ev = checker.checkNew(actor, action);
                if (!ev.allows()) {
                    found = new UnexplainedCall(principalArn, action, null, bare, succeeded, ev.outcome().word()
                            + " on every resource its policies name");
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
}
