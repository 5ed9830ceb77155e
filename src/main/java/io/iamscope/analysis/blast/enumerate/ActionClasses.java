package io.iamscope.analysis.blast.enumerate;

import io.iamscope.catalog.Action;
import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.ServiceRules;
import io.iamscope.eval.TrustActions;
import io.iamscope.model.Account;
import io.iamscope.model.InlinePolicy;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.OrgLevel;
import io.iamscope.model.OrgPolicy;
import io.iamscope.model.Organization;
import io.iamscope.model.PolicyVersion;
import io.iamscope.model.Principal;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.Snapshot;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog's actions cut into classes that no policy of a snapshot tells apart: two actions of one class
 * belong to the same service, are both trust actions or neither ({@link TrustActions}), and every Action and
 * NotAction pattern of every policy document of the snapshot (inline, every version of every managed policy,
 * trust, resource, SCP and RCP) names both or neither.
 *
 * <p>Why that is enough: the engine reads a request's action only to pick the statements whose Action or
 * NotAction matches it, to tell whether an RCP covers the service, and to use a role's trust policy for a
 * trust action; condition keys do not depend on it ({@code LocalAuthorizer.authorize}, {@code Gatherer}).
 * So for one principal and one resource, the actions of a class get the same decision, from the same
 * statements, under the same conditions, and {@link AccessEnumerator} decides one action per class and copies
 * the answer to the others. An administrator's 22,000 actions are a few hundred classes. The rules services
 * apply outside the policies ({@link ServiceRules#actionsApart}: sts:GetCallerIdentity, ...) read the action
 * too, so their sets cut classes as the patterns do. Immutable.
 */
final class ActionClasses {
    private final int[] classOf;
    private final int count;

    private ActionClasses(int[] classOf, int count) {
        this.classOf = classOf;
        this.count = count;
    }

    /** The class of an action (a number below {@link #count()}). */
    int of(int actionId) {
        return classOf[actionId];
    }

    int count() {
        return count;
    }

    static ActionClasses of(Snapshot snapshot, Catalog catalog) {
        int[] classOf = new int[catalog.size()];
        Map<String, Integer> first = new HashMap<>();
        for (Action a : catalog.actions()) {
            String key = a.service() + (TrustActions.contains(a.fullName()) ? " trust" : "");
            classOf[a.id()] = first.computeIfAbsent(key, k -> first.size());
        }
        Refinement r = new Refinement(classOf, first.size());
        for (String pattern : patterns(snapshot)) {
            r.split(catalog.expand(pattern));
        }
        for (ActionSet apart : ServiceRules.of(catalog).actionsApart()) {
            r.split(apart);
        }
        return r.done();
    }

    /** Splits classes by one set at a time: the members of a class inside the set get a new class. */
    private static final class Refinement {
        private final int[] classOf;
        private int next;
        private final Map<Integer, Integer> moved = new HashMap<>();

        Refinement(int[] classOf, int next) {
            this.classOf = classOf;
            this.next = next;
        }

        void split(ActionSet set) {
            if (set.isEmpty() || set.size() == classOf.length) {
                return;
            }
            moved.clear();
            for (int id : set) {
                classOf[id] = moved.computeIfAbsent(classOf[id], c -> next++);
            }
        }

        /** The classes renumbered from 0, in the order of their first action. */
        ActionClasses done() {
            Map<Integer, Integer> dense = new HashMap<>();
            for (int i = 0; i < classOf.length; i++) {
                classOf[i] = dense.computeIfAbsent(classOf[i], c -> dense.size());
            }
            return new ActionClasses(classOf, dense.size());
        }
    }

    /** Every distinct Action and NotAction pattern of the snapshot's policy documents, as written. */
    private static Set<String> patterns(Snapshot snapshot) {
        Set<String> out = new HashSet<>();
        for (Account a : snapshot.accounts()) {
            for (List<? extends Principal> list : List.of(a.users(), a.groups(), a.roles())) {
                for (Principal p : list) {
                    for (InlinePolicy i : p.inlinePolicies()) {
                        add(i.document(), out);
                    }
                    if (p instanceof Role role) {
                        add(role.trustPolicy(), out);
                    }
                }
            }
            for (ManagedPolicy m : a.policies()) {
                for (PolicyVersion v : m.versions()) {
                    add(v.document(), out);
                }
            }
            for (Resource r : a.resources()) {
                add(r.policy(), out);
            }
        }
        Organization org = snapshot.organization();
        if (org != null) {
            for (OrgPolicy p : org.policies()) {
                add(p.content(), out);
            }
            for (List<OrgLevel> levels : org.levelsByAccount().values()) {
                for (OrgLevel l : levels) {
                    l.scps().forEach(p -> add(p.content(), out));
                    l.rcps().forEach(p -> add(p.content(), out));
                }
            }
        }
        return out;
    }

    private static void add(PolicyDocument doc, Set<String> into) {
        if (doc == null) {
            return;
        }
        for (Statement s : doc.statements()) {
            if (s.action() != null) {
                // As written: thousands of policies repeat the same few; the catalog lowercases each once.
                into.addAll(s.action().patterns());
            }
        }
    }
}
