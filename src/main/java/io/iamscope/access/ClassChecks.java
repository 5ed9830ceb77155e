package io.iamscope.access;

import io.iamscope.eval.Constraint;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Layer;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.StatementRef;
import io.iamscope.eval.TrustActions;
import io.iamscope.access.Gathered;
import io.iamscope.access.Gatherer;
import io.iamscope.eval.BatchAuthorizer;
import io.iamscope.eval.ResourceClasses;
import io.iamscope.model.PrincipalRef;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * {@link AccessChecker#forEachAllowed}: targets the principal's policies cannot tell apart are decided by one
 * engine call for their class. A class is what {@link BatchAuthorizer#resourceClasses} finds
 * (every candidate statement of every layer matches all or none of it), cut by the targets' groups (same
 * account, service and resource type; same tags and region when a condition reads them; for a role trust
 * action, the same trust policy text). Targets whose own resource policy has a statement for the action (a
 * policy without one takes no part in the request), and matches that depend on an unknown policy variable,
 * are checked one by one, as are the roles of a class whose decision depends on
 * a condition of the representative's trust policy (its evidence would name another role's policy). The
 * answers are those of one check per target ({@code ForEachAllowedTest}).
 */
final class ClassChecks {

    /** Allowed whatever the policies say (ServiceRules.alwaysAllowedBy): never shortcut to a deny. */
    private static final java.util.Set<String> ALWAYS_ALLOWED = java.util.Set.of("sts:getcalleridentity",
            "sts:getsessiontoken");

    private final AccessChecker checker;
    private final Gatherer gatherer;
    private final BatchAuthorizer engine;

    ClassChecks(AccessChecker checker, Gatherer gatherer, BatchAuthorizer engine) {
        this.checker = checker;
        this.gatherer = gatherer;
        this.engine = engine;
    }

    /**
     * The same; with {@code whole} non-null, a class decided by one engine call and of at least
     * {@code whole.minSize()} targets is handed over whole (its positions and its representative's evidence)
     * instead of target by target. Never for a role trust action, whose evidence differs per role.
     */
    <T> void forEachAllowed(PrincipalRef who, String action, Targets<T> targets, RequestContext context,
                            Predicate<T> skip, BiPredicate<T, Evidence> visit, AccessChecker.WholeClasses whole) {
        int n = targets.size();
        boolean trust = TrustActions.contains(action);
        BitSet individual = new BitSet(n);
        // Roles whose trust policy has no Allow for the action, and targets of other accounts without a policy for
        // it: denied to this caller, without a decision.
        BitSet untrusting = new BitSet(n);
        if (trust) {
            BitSet allows = targets.trustAllowsFor(action);
            for (int i = 0; i < n; i++) {
                if (targets.trustText(i) == null) {
                    individual.set(i);
                } else if (!allows.get(i)) {
                    untrusting.set(i);
                }
            }
        } else {
            individual.or(targets.withPolicyFor(action));
            if (who.accountId() != null && !ALWAYS_ALLOWED.contains(action.toLowerCase(java.util.Locale.ROOT))) {
                // Across accounts the resource's own policy must allow too (IAM User Guide, "Cross-account policy
                // evaluation logic"): a target of another account whose policy has no statement for the action is
                // denied to this caller, as the engine would decide it, without a decision. Without this, every
                // caller asks about every account's targets: principals times accounts in an organization.
                BitSet foreign = (BitSet) targets.foreignTo(who.accountId()).clone();
                foreign.andNot(individual);
                untrusting.or(foreign);
            }
        }
        BitSet undecided = (BitSet) individual.clone();
        undecided.or(untrusting);
        int first = undecided.nextClearBit(0);
        if (first < n) {
            Gathered g = gatherer.gather(who, action, targets.arn(first), context);
            ResourceClasses rc = engine.resourceClasses(g.policies(), action, g.request().context(), targets.arns());
            individual.or(rc.individual());
            individual.andNot(untrusting);
            Decided decided = decide(who, action, targets, context, rc, individual, untrusting, trust, first, g);
            if (whole != null && !trust) {
                handOver(decided, whole);
            }
            visitDecided(who, action, targets, context, skip, visit, individual, decided, trust);
        } else {
            visitDecided(who, action, targets, context, skip, visit, individual, new Decided(), trust);
        }
    }

    /** Hands the large decided classes over whole; what is left is visited target by target. */
    private static void handOver(Decided decided, AccessChecker.WholeClasses whole) {
        for (int c = 0; c < decided.classes.size(); c++) {
            BitSet cls = decided.classes.get(c);
            if (cls.cardinality() >= whole.minSize()) {
                whole.accept(cls, decided.evidence.get(c));
                decided.any.andNot(cls);
            }
        }
    }

    /** The classes that allow, each with its representative's evidence. */
    private static final class Decided {
        final List<BitSet> classes = new ArrayList<>();
        final List<Evidence> evidence = new ArrayList<>();
        final BitSet any = new BitSet();

        Evidence of(int position) {
            for (int c = 0; c < classes.size(); c++) {
                if (classes.get(c).get(position)) {
                    return evidence.get(c);
                }
            }
            throw new IllegalStateException("position " + position + " is in no allowed class");
        }
    }

    private <T> Decided decide(PrincipalRef who, String action, Targets<T> targets, RequestContext context,
                               ResourceClasses rc, BitSet individual, BitSet untrusting, boolean trust, int first,
                               Gathered firstGathered) {
        Decided out = new Decided();
        BitSet left = (BitSet) individual.clone();
        left.or(untrusting);
        for (BitSet cls : classesOf(rc, targets, left, trust)) {
            int rep = cls.nextSetBit(0);
            Evidence e = rep == first && !trust ? decide(action, targets.arn(first), firstGathered)
                    : representative(who, action, targets.arn(rep), context, trust);
            if (e == null || !e.allows()) {
                continue;
            }
            if (trust && dependsOn(e.condition(), Layer.RESOURCE)) {
                individual.or(cls); // its condition names the representative's trust policy: decide each role
            } else {
                out.classes.add(cls);
                out.evidence.add(e);
                out.any.or(cls);
            }
        }
        return out;
    }

    private <T> void visitDecided(PrincipalRef who, String action, Targets<T> targets, RequestContext context,
                                  Predicate<T> skip, BiPredicate<T, Evidence> visit, BitSet individual,
                                  Decided decided, boolean trust) {
        BitSet todo = (BitSet) individual.clone();
        todo.or(decided.any);
        for (int i = todo.nextSetBit(0); i >= 0; i = todo.nextSetBit(i + 1)) {
            T target = targets.get(i);
            if (skip.test(target)) {
                continue;
            }
            Evidence e = individual.get(i) ? checker.check(who, action, targets.arn(i), context)
                    : forResource(decided.of(i), targets.arn(i), trust);
            if (e.allows() && !visit.test(target, e)) {
                return;
            }
        }
    }

    /**
     * The engine's classes cut by the targets' groups. With few groups, by intersecting bit sets; with many
     * (every role its own trust policy), by sorting each member into its group.
     */
    private static List<BitSet> classesOf(ResourceClasses rc, Targets<?> targets, BitSet individual, boolean trust) {
        Targets.Grouping grouping = targets.grouping(rc.readsResourceKeys(), trust);
        List<BitSet> out = new ArrayList<>();
        for (BitSet cls : rc.classes()) {
            BitSet rest = (BitSet) cls.clone();
            rest.andNot(individual);
            if (grouping.size() == 1) {
                if (!rest.isEmpty()) {
                    out.add(rest);
                }
            } else if (grouping.size() <= 64) {
                while (!rest.isEmpty()) {
                    BitSet part = (BitSet) rest.clone();
                    part.and(grouping.group(grouping.id(rest.nextSetBit(0))));
                    rest.andNot(part);
                    out.add(part);
                }
            } else {
                Map<Integer, BitSet> byGroup = new LinkedHashMap<>();
                for (int i = rest.nextSetBit(0); i >= 0; i = rest.nextSetBit(i + 1)) {
                    byGroup.computeIfAbsent(grouping.id(i), k -> new BitSet()).set(i);
                }
                out.addAll(byGroup.values());
            }
        }
        return out;
    }

    /**
     * A class representative's evidence, or null for a trust action whose role's trust policy has no Allow
     * naming the caller: that is a deny, found without a decision ({@link BatchAuthorizer#resourcePolicyMayAllow}).
     * Thousands of trust policies name other principals; each would otherwise cost a full decision.
     */
    private Evidence representative(PrincipalRef who, String action, String arn, RequestContext context,
                                    boolean trust) {
        if (!trust) {
            return checker.check(who, action, arn, context);
        }
        Gathered g = gatherer.gather(who, action, arn, context);
        if (!engine.resourcePolicyMayAllow(g.request(), g.policies())) {
            return null;
        }
        checker.count(action);
        return AccessChecker.evidence(action, arn, engine.authorize(g.request(), g.policies()));
    }

    /** The engine's decision on a request gathered already. */
    private Evidence decide(String action, String arn, Gathered g) {
        checker.count(action);
        return AccessChecker.evidence(action, arn, engine.authorize(g.request(), g.policies()));
    }

    /** Whether a condition has a test from a statement of the layer. */
    private static boolean dependsOn(Constraint c, Layer layer) {
        if (c instanceof Constraint.Atom atom) {
            return atom.statement() != null && atom.statement().layer() == layer;
        }
        if (c instanceof Constraint.Not not) {
            return dependsOn(not.operand(), layer);
        }
        if (c instanceof Constraint.And and) {
            return and.operands().stream().anyMatch(o -> dependsOn(o, layer));
        }
        return c instanceof Constraint.Or or && or.operands().stream().anyMatch(o -> dependsOn(o, layer));
    }

    /**
     * A class's evidence for one of its targets: the target's ARN, and for a trust action the target's own
     * trust policy named where the representative's was (the texts are equal, so Sids and indexes are too).
     */
    private Evidence forResource(Evidence e, String arn, boolean trust) {
        if (e.resource().equals(arn)) {
            return e;
        }
        List<StatementRef> refs = e.grantedBy();
        if (trust) {
            String from = gatherer.resourcePolicy(e.action(), e.resource()).name();
            AttachedPolicy own = gatherer.resourcePolicy(e.action(), arn);
            refs = new ArrayList<>(refs.size());
            for (StatementRef r : e.grantedBy()) {
                refs.add(r.layer() == Layer.RESOURCE && r.policy().equals(from)
                        ? new StatementRef(r.layer(), own.name(), r.sid(), r.index(), r.effect(), r.level(),
                        locationOf(own, r.index())) : r);
            }
        }
        return new Evidence(e.action(), arn, e.outcome(), e.condition(), refs);
    }

    /** Where statement {@code index} of a policy was written (the texts of a class are equal, so are indexes). */
    private static io.iamscope.policy.SourceLocation locationOf(AttachedPolicy policy, int index) {
        var statements = policy.document().statements();
        return index >= 0 && index < statements.size() ? statements.get(index).location() : null;
    }
}
