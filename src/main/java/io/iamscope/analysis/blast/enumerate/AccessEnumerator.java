package io.iamscope.analysis.blast.enumerate;

import io.iamscope.analysis.Workspace;
import io.iamscope.catalog.Action;
import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Authorizer;
import io.iamscope.eval.Decision;
import io.iamscope.eval.MatchedStatement;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.StatementRef;
import io.iamscope.access.Gathered;
import io.iamscope.access.Gatherer;
import io.iamscope.access.AccessChecker;
import io.iamscope.access.Evidence;
import io.iamscope.access.Targets;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.policy.Effect;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Everything one principal may do, without evaluating every action of AWS on every resource: the candidate
 * actions are those its Allow statements name (patterns expanded through the catalog, NotAction as the
 * complement) and those resource policies of the snapshot grant; each candidate is evaluated against the
 * statement's resource patterns and against the snapshot's concrete resources of the action's types, through
 * the gatherer and the authorizer, so SCPs, boundaries, resource policies and denies all apply. Thread-safe.
 */
public final class AccessEnumerator {
    private static final String STS = "sts";

    private final Gatherer gatherer;
    private final Authorizer authorizer;
    private final Catalog catalog;
    private final EnumerationLists lists;
    private final ResourcePool pool;
    private final RequestContext context;
    /** Decides an action's concrete resources per class (null: one check per resource). */
    private final AccessChecker classes;
    /** The smallest class of concrete resources kept whole, as one entry ({@link ResourceSet}). */
    private final int setMin;
    private final Unrestricted unrestricted;
    private final SnapshotIndex index;
    /** Deciding one action per class of actions ({@link ActionClasses}); false: each (the reference in tests). */
    private final boolean byClass;
    private volatile boolean stopPreparing;
    private final CompletableFuture<Boolean> wanted = new CompletableFuture<>();

    /**
     * Enumerations of fewer candidate actions decide each one: building the classes (a pass over every statement
     * of the snapshot) costs more than they save there.
     */
    static final int REPLAY_MIN = 1_000;

    /** Classes of this many concrete resources or more are kept whole: more than the text report lists (8). */
    static final int SET_MIN = 10;

    public AccessEnumerator(Workspace workspace, EnumerationLists lists, RequestContext context) {
        this(workspace, lists, context, true, SET_MIN);
    }

    /**
     * With {@code byClass} false, every concrete resource is checked on its own (the reference in tests);
     * classes of {@code setMin} resources or more are kept whole.
     */
    AccessEnumerator(Workspace workspace, EnumerationLists lists, RequestContext context, boolean byClass,
                     int setMin) {
        this.classes = byClass ? workspace.checker(context) : null;
        this.setMin = setMin;
        this.catalog = workspace.catalog();
        this.unrestricted = new Unrestricted(catalog);
        this.gatherer = workspace.gatherer();
        this.index = workspace.index();
        this.authorizer = workspace.engine();
        this.context = context;
        this.lists = lists;
        this.pool = lists.pool();
        this.byClass = byClass;
    }

    /**
     * Builds the snapshot's lists ahead of the enumerations ({@link EnumerationLists#prepare}; a blast radius
     * does this on another core while it finds the paths, and goes on while it enumerates). It waits for
     * {@link #wantPrepared}; {@link #stopPreparing()} ends it early.
     */
    public void prepare() {
        if (byClass && wanted.join()) {
            lists.prepare(() -> stopPreparing);
        }
    }

    /** Lets {@link #prepare()} start, or returns it at once. */
    public void wantPrepared(boolean yes) {
        wanted.complete(yes);
    }

    /** Ends {@link #prepare()} at its next action, or before it starts: the analysis is done. */
    public void stopPreparing() {
        stopPreparing = true;
        wanted.complete(false);
    }

    /** An Allow statement's actions and the resource patterns it names ({@code *} for NotResource). */
    private record Scoped(ActionSet actions, List<String> patterns) {
    }

    /** The principal's own identity Allow statements, their resource patterns with its name and account put in. */
    private List<Scoped> scoped(PrincipalRef who) {
        Gathered base = gatherer.gather(who, "sts:GetCallerIdentity", "*", context);
        List<Scoped> out = new ArrayList<>();
        for (AttachedPolicy p : base.policies().identity()) {
            for (Statement s : p.document().statements()) {
                if (s.effect() == Effect.ALLOW && s.action() != null) {
                    List<String> patterns = s.resource() == null || s.resource().negated() ? List.of("*")
                            : s.resource().patterns().stream().map(r -> substitute(r, who)).toList();
                    out.add(new Scoped(StatementActions.of(catalog, s.action()), patterns));
                }
            }
        }
        return out;
    }

    public List<Allowed> enumerate(PrincipalRef who) {
        return enumerate(who, null);
    }

    /** What the principal's own policies allow on every resource, unconditionally ({@link Unrestricted}). */
    public ActionSet unrestricted(PrincipalRef who) {
        return unrestricted.of(gatherer.gather(who, "sts:GetCallerIdentity", "*", context).policies());
    }

    /** The enumeration restricted to the actions of {@code only} (null: every action). */
    private List<Allowed> enumerate(PrincipalRef who, ActionSet only) {
        List<Scoped> scoped = scoped(who);
        ActionSet.Builder candidates = new ActionSet.Builder(catalog.size()).addAll(lists.resourcePolicyActions());
        scoped.forEach(sc -> candidates.addAll(sc.actions()));
        ActionSet actions = only == null ? candidates.build() : candidates.build().intersect(only);
        List<Allowed> out = new ArrayList<>();
        Map<String, Gathered> byResource = new HashMap<>();
        Replays replays = new Replays(byClass && actions.size() >= REPLAY_MIN ? lists.actionClasses() : null);
        for (int id : actions) {
            Action action = catalog.action(id);
            // The resources an action is evaluated on come from its resource types: part of what must agree.
            List<String> on = action.resources().isEmpty() ? null : pool.forAction(action);
            if (!replays.copy(id, on, out)) {
                int from = out.size();
                evaluate(who, action, scoped, byResource, out);
                replays.record(id, on, from, out.size());
            }
        }
        return out;
    }

    /**
     * What the principal may do where an administrator does not stand for it: the actions of
     * {@code where.actions()} everywhere, every action of the catalog that applies to each of
     * {@code where.resources()} (an S3 bucket's objects included), and the trust actions on each of
     * {@code where.roles()}, whether or not the principal's own policies name them. Each (action, resource) once.
     */
    public List<Allowed> enumerateOn(PrincipalRef who, EnumerationPlan.Where where) {
        List<Allowed> out = where.actions().isEmpty() ? new ArrayList<>() : enumerate(who, where.actions());
        Map<String, Gathered> byResource = new HashMap<>();
        if (!where.onNamed().isEmpty()) {
            onNamed(who, where.onNamed(), where.namedKeys(), byResource, out);
        }
        for (String arn : where.resources()) {
            checkOn(who, arn, pool.actionsOn(arn), where.actions(), byResource, out);
        }
        for (String arn : where.roles()) {
            checkOn(who, arn, pool.trustActionsOn(arn), where.actions(), byResource, out);
        }
        return out;
    }

    /**
     * The actions of {@code only} on the resource patterns the principal's own Allow statements name for them,
     * but {@code *} and the snapshot's resources (where the administrator standing for it is asked the same).
     */
    private void onNamed(PrincipalRef who, ActionSet only, Set<String> keys, Map<String, Gathered> byResource,
                         List<Allowed> out) {
        Map<String, ActionSet.Builder> byPattern = new LinkedHashMap<>();
        for (Scoped sc : scoped(who)) {
            ActionSet actions = sc.actions().intersect(only);
            for (String pattern : actions.isEmpty() ? List.<String>of() : sc.patterns()) {
                // Inside a resource of the snapshot (a bucket's objects), its record gives region and tags.
                if (!"*".equals(pattern) && (pool.holds(pattern) || index.resource(pattern) != null
                        || NamedResource.mayDecide(pattern, keys))) {
                    byPattern.computeIfAbsent(pattern, k -> new ActionSet.Builder(catalog.size())).addAll(actions);
                }
            }
        }
        // Actions no policy tells apart get one decision per pattern (an `s3:*` on a bucket is a few, not hundreds).
        Replays replays = new Replays(byClass ? lists.actionClasses() : null);
        byPattern.forEach((pattern, actions) -> {
            boolean anywhere = pool.holds(pattern);
            for (int id : actions.build()) {
                Action action = catalog.action(id);
                if (action.resources().isEmpty()) {
                    continue; // asked on `*`, as the administrator's are
                }
                boolean inSnapshot = anywhere && (classes == null ? pool.forAction(action).contains(pattern)
                        : pool.targetsFor(action).contains(pattern));
                if (!inSnapshot && !replays.copy(id, pattern, out)) {
                    int from = out.size();
                    check(who, action, pattern, false, byResource, out);
                    replays.record(id, pattern, from, out.size());
                }
            }
        });
    }

    /** Each action on one resource, but those of {@code except}; an action of a class already decided is copied. */
    private void checkOn(PrincipalRef who, String arn, List<Action> actions, ActionSet except,
                         Map<String, Gathered> byResource, List<Allowed> out) {
        // Only covered principals get here, in a blast radius large enough to have an administrator stand in.
        Replays replays = new Replays(byClass ? lists.actionClasses() : null);
        for (Action action : actions) {
            if (!except.contains(action.id()) && !replays.copy(action.id(), arn, out)) {
                int from = out.size();
                check(who, action, arn, true, byResource, out);
                replays.record(action.id(), arn, from, out.size());
            }
        }
    }

    private void evaluate(PrincipalRef who, Action action, List<Scoped> scoped, Map<String, Gathered> byResource,
                          List<Allowed> out) {
        List<String> concrete = pool.forAction(action);
        if (action.resources().isEmpty()) {
            check(who, action, "*", false, byResource, out);
            return;
        }
        Set<String> patterns = new LinkedHashSet<>();
        for (Scoped s : scoped) {
            if (s.actions().contains(action.id())) {
                patterns.addAll(s.patterns());
            }
        }
        // The snapshot's resources of the action's types, decided per class of resources the principal's
        // policies cannot tell apart (an administrator's thousands of roles and policies in a few calls).
        Targets<String> targets = classes == null ? null : pool.targetsFor(action);
        for (String pattern : patterns) {
            // A pattern naming one resource of the snapshot is checked with the concrete ones (looked up: an
            // administrator's `*` compared with ten thousand ARNs for each action cost more than deciding them).
            if (targets == null ? !concrete.contains(pattern) : !targets.contains(pattern)) {
                check(who, action, pattern, false, byResource, out);
            }
        }
        if (classes == null) {
            for (String arn : concrete) {
                check(who, action, arn, true, byResource, out);
            }
            return;
        }
        // A large class is kept whole, as one entry naming its members.
        AccessChecker.WholeClasses whole = new AccessChecker.WholeClasses() {
            @Override
            public int minSize() {
                return setMin;
            }

            @Override
            public void accept(BitSet positions, Evidence e) {
                List<String> members = lists.members(targets, positions);
                out.add(allowed(action, members.get(0), e, members));
            }
        };
        classes.forEachAllowed(who, action.fullName(), targets, context, whole, (arn, e) -> {
            out.add(allowed(action, arn, e, null));
            return true;
        });
    }

    private static Allowed allowed(Action action, String arn, Evidence e, List<String> members) {
        List<String> keys = e.conditional() ? List.copyOf(e.condition().keys()) : List.of();
        return new Allowed(action.id(), arn, true, e.conditional(), keys, StatementRef.granting(e.grantedBy()),
                members == null ? null : List.copyOf(members));
    }

    private void check(PrincipalRef who, Action action, String resource, boolean concrete,
                       Map<String, Gathered> byResource, List<Allowed> out) {
        Request request;
        PolicySet policies;
        if (STS.equals(action.service())) {
            // STS actions on a role use its trust policy as the resource policy: always gathered afresh.
            Gathered g = gatherer.gather(who, action.fullName(), resource, context);
            request = g.request();
            policies = g.policies();
        } else {
            // The policies and derived context depend on the principal and the resource, not the action: gathering
            // them once per resource, not once per action, is most of an administrator's enumeration time.
            Gathered g = byResource.computeIfAbsent(resource, r -> gatherer.gather(who, action.fullName(), r, context));
            Request r = g.request();
            request = new Request(r.caller(), action.fullName(), resource, r.resourceAccount(), r.context());
            policies = g.policies();
        }
        Decision d = authorizer.authorize(request, policies);
        if (d.isPossiblyAllowed()) {
            List<String> keys = d.isConditional() ? List.copyOf(d.conditionalKeys()) : List.of();
            out.add(new Allowed(action.id(), resource, concrete, d.isConditional(), keys,
                    StatementRef.granting(d.statements(Effect.ALLOW).stream().map(MatchedStatement::ref).toList())));
        }
    }

    /**
     * A resource pattern as a request resource: the principal's own name and account replace their policy
     * variables, so that {@code user/${aws:username}} is checked as the principal's own ARN.
     */
    private static String substitute(String pattern, PrincipalRef who) {
        if (!pattern.contains("${")) {
            return pattern;
        }
        String name = who.principal() == null ? "" : who.principal().name();
        return pattern.replace("${aws:username}", name).replace("${aws:PrincipalAccount}", who.accountId());
    }
}
