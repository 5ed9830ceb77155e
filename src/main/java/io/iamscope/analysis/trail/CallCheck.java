package io.iamscope.analysis.trail;

import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.analysis.trail.ChangeTimeline.State;
import io.iamscope.analysis.trail.CredentialLedger.TimedResource;
import io.iamscope.catalog.Catalog;
import io.iamscope.model.LookupException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * a call after a new policy version is asked with that version. The calls of every principal are asked together, in
 * time order, so that each state of the snapshot is built once. Event names that are not IAM actions and principals
 * the snapshot (with the changes) does not hold are counted as not checked; calls that need no permission
 * (sts:GetCallerIdentity, sts:GetSessionToken) are allowed by the engine's own rules.
 */
final class CallCheck {
    /** One call to ask: on a resource, or (null) on any resource the principal's policies name. */
    private record Question(Instant time, String principal, String action, String resource) {
    }

    /** A principal's action: how many calls succeeded, whether one was asked, the first refusal. */
    private static final class Answer {
        final long succeeded;
        boolean asked;
        UnexplainedCall refused;

        Answer(long succeeded) {
            this.succeeded = succeeded;
        }
    }

    private final Catalog catalog;
    private final List<Question> questions = new ArrayList<>();
    private final Map<List<String>, Answer> answers = new LinkedHashMap<>();
    private long notChecked;

    CallCheck(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Successful actions (per principal) not asked: not IAM actions, principals not held. */
    long notChecked() {
        return notChecked;
    }

    /**
     * Adds a principal's successful calls to ask.
     *
     * @param succeededOn per action, the earliest resources it succeeded on
     * @param withoutResource per action, its earliest success in a record that names no resource
     */
    void add(String principalArn, Map<String, long[]> actions, Map<String, ? extends Set<TimedResource>> succeededOn,
             Map<String, Instant> withoutResource) {
        for (Map.Entry<String, long[]> e : actions.entrySet()) {
            String action = e.getKey();
            long succeeded = e.getValue()[0];
            if (succeeded == 0) {
                continue;
            }
            if (catalog.action(action).isEmpty()) {
                notChecked++;
                continue;
            }
            answers.put(List.of(principalArn, action), new Answer(succeeded));
            Set<TimedResource> resources = succeededOn.get(action);
            for (TimedResource r : resources == null ? Set.<TimedResource>of() : resources) {
                questions.add(new Question(r.time(), principalArn, action, r.arn()));
            }
            Instant bare = withoutResource.get(action);
            if (bare != null) {
                questions.add(new Question(bare, principalArn, action, null));
            }
        }
    }

    /** Asks every call added, in time order; the first refusal of each principal's action, in the order added. */
    List<UnexplainedCall> ask(ChangeTimeline timeline) {
        questions.sort(Comparator.comparing(Question::time).thenComparing(Question::principal)
                .thenComparing(Question::action).thenComparing(q -> q.resource() == null ? "" : q.resource()));
        State state = null;
        Map<String, Actor> actors = new HashMap<>();
        for (Question q : questions) {
            Answer answer = answers.get(List.of(q.principal(), q.action()));
            if (answer.refused != null) {
                continue;
            }
            State s = timeline.before(q.time());
            if (s != state) {
                state = s;
                actors.clear();
            }
            Actor actor = actors.computeIfAbsent(q.principal(), arn -> actor(s, arn));
            if (actor == null) {
                continue;
            }
            answer.asked = true;
            Evidence ev = q.resource() == null ? s.checker().checkNew(actor, q.action())
                    : s.checker().check(actor, q.action(), q.resource());
            if (!ev.allows()) {
                answer.refused = new UnexplainedCall(q.principal(), q.action(), q.resource(), q.time(),
                        answer.succeeded, ev.outcome().word() + (q.resource() == null
                        ? " on every resource its policies name" : "") + with(s));
            }
        }
        List<UnexplainedCall> out = new ArrayList<>();
        for (Answer a : answers.values()) {
            if (a.refused != null) {
                out.add(a.refused);
            } else if (!a.asked) {
                notChecked++;
            }
        }
        return out;
    }

    /** The principal in that state of the snapshot, or null when it holds none of that ARN (not collected). */
    private static Actor actor(State s, String principalArn) {
        try {
            return s.checker().actor(s.index().resolvePrincipal(principalArn));
        } catch (LookupException e) {
            return null;
        }
    }

    private static String with(State s) {
        return s.changes() == 0 ? "" : " (with the attacker's " + s.changes() + " change(s) before it applied)";
    }
}
