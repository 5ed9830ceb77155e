package io.iamscope.eval.local;

import io.iamscope.catalog.Catalog;
import io.iamscope.eval.BatchAuthorizer;
import io.iamscope.eval.Caller;
import io.iamscope.eval.CallerKind;
import io.iamscope.eval.Constraint;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Layer;
import io.iamscope.eval.LayerVerdict;
import io.iamscope.eval.MatchedStatement;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.ResourceClasses;
import io.iamscope.eval.ResourceList;
import io.iamscope.eval.ServiceRule;
import io.iamscope.eval.ServiceRules;
import io.iamscope.eval.compile.Candidates;
import io.iamscope.eval.compile.CompiledCallerSide;
import io.iamscope.eval.compile.CompiledPolicySet;
import io.iamscope.eval.compile.CompiledStatement;
import io.iamscope.eval.compile.PolicyCompiler;
import io.iamscope.eval.match.ArnList;
import io.iamscope.eval.match.PrincipalMatch;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.Effect;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The local policy engine: AWS's documented evaluation logic (IAM User Guide: "Policy evaluation logic",
 * "Policy evaluation for requests within a single account", "Cross-account policy evaluation logic").
 *
 * <ol>
 *   <li>An explicit Deny in any applicable policy denies.</li>
 *   <li>SCPs (caller's account, not the management account, not service-linked roles) must allow at every
 *       level. RCPs carry an implied RCPFullAWSAccess at every level, so only their Denies matter.</li>
 *   <li>Within one account, a resource-based policy that names the caller (or everyone) grants on its own; one
 *       that names the role behind a session (or the user behind a federated session) grants but is limited
 *       by the session's boundary and session policies; one that names the account delegates to identity
 *       policies. Otherwise identity policies must allow, within the boundary and session policies.</li>
 *   <li>Across accounts, both the caller's side (identity, boundary, session) and the resource policy must
 *       allow.</li>
 *   <li>Role trust policies and KMS key policies must allow themselves ({@link ResourcePolicyKind}).</li>
 * </ol>
 *
 * Each statement contributes a {@link Constraint} (TRUE, FALSE, or depending on unknown keys), so the same
 * walk yields definite and conditional decisions. Thread-safe.
 */
public final class LocalAuthorizer implements BatchAuthorizer {
    private final PolicyCompiler compiler;
    private final ServiceRules rules;
    private final Map<PolicySet.CallerSide, CompiledCallerSide> callers =
            Collections.synchronizedMap(new WeakHashMap<>());
    /** Per resource list (by identity), the positions of the resources AWS protects ({@link #protectedIn}). */
    private final Map<ArnList, Map<ServiceRule, BitSet>> protectedPositions =
            Collections.synchronizedMap(new WeakHashMap<>());
    /** The last set compiled and its compiled form, as one pair so that threads never see a torn pair. */
    private volatile Object[] lastSeen;

    /** An engine with the rules of the bundled catalog (the services RCPs govern, ...). */
    public LocalAuthorizer() {
        this(new PolicyCompiler(), ServiceRules.bundled());
    }

    /** An engine whose compiler reports actions the catalog does not know, with the catalog's rules. */
    public LocalAuthorizer(Catalog catalog) {
        this(new PolicyCompiler(catalog), ServiceRules.of(catalog));
    }

    private LocalAuthorizer(PolicyCompiler compiler, ServiceRules rules) {
        this.compiler = compiler;
        this.rules = rules;
    }

    /**
     * The compiled form of a set. The caller side is compiled and indexed once per shared
     * {@link PolicySet.CallerSide} (so once per principal when sets are derived with
     * {@link PolicySet#withResource}); the resource side is a cheap wrapper built per set.
     */
    public CompiledPolicySet compile(PolicySet set) {
        Object[] last = lastSeen;
        if (last != null && last[0] == set) {
            return (CompiledPolicySet) last[1];
        }
        // Compiled outside the map's lock: computeIfAbsent on a synchronized map holds it while compiling, and
        // the graph build's threads waited on each other's compilations (0.5 s of a 2.5 s phase on two cores).
        // Two threads may compile one caller side at once; the first to store it wins, both answers are equal.
        CompiledCallerSide caller = callers.get(set.callerSide());
        if (caller == null) {
            CompiledCallerSide made = new CompiledCallerSide(set, compiler);
            caller = callers.putIfAbsent(set.callerSide(), made);
            if (caller == null) {
                caller = made;
            }
        }
        CompiledPolicySet c = new CompiledPolicySet(set, caller, compiler);
        lastSeen = new Object[] {set, c};
        return c;
    }

    /**
     * Whether any identity-based Allow of the set names the action (ignoring resources and conditions): a
     * cheap necessary condition for the caller side to allow it, so that graph building can skip principals
     * that can never perform an escalation step. Resource policies that grant on their own are not counted.
     */
    @Override
    public boolean identityMayAllow(PolicySet policies, String action) {
        for (CompiledStatement s : compile(policies).candidates(action).identity()) {
            if (s.effect() == Effect.ALLOW) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Resource patterns of the identity-based Allows that name the action: where an attacker may create a
     * new resource of its choosing, these say which names it may pick; for pre-filters, which resources the
     * identity side can reach at all. An Allow with NotResource (or no Resource) counts as {@code *}: it grants
     * everything but what it lists, and a pre-filter must over-approximate, never drop access.
     */
    @Override
    public List<String> identityAllowResources(PolicySet policies, String action) {
        List<String> out = new ArrayList<>(2);
        for (CompiledStatement s : compile(policies).candidates(action).identity()) {
            if (s.effect() != Effect.ALLOW) {
                continue;
            }
            if (s.source().resource() == null || s.source().resource().negated()) {
                out.add("*");
            } else {
                out.addAll(s.source().resource().patterns());
            }
        }
        return out;
    }

    /**
     * The resources of the list split into classes the set cannot tell apart for the action (see
     * {@link ResourceClasses}); {@code context} is the request's, for the policy variables of Resource
     * patterns.
     */
    @Override
    public ResourceClasses resourceClasses(PolicySet set, String action, RequestContext context, ResourceList given) {
        // A list of another engine is copied into ours: classes are computed against an indexed list.
        ArnList list = given instanceof ArnList own ? own : new ArnList(java.util.stream.IntStream
                .range(0, given.size()).mapToObj(given::get).toList());
        ResourceClasses classes = ResourceClassifier.of(compile(set).candidates(action), context, list);
        if (rules.changesProtected(action)) {
            // The action changes some resource AWS protects: such resources are denied whatever the policies say,
            // so they never share a class with the others (ServiceRules.protectedKind).
            String lower = action.toLowerCase(java.util.Locale.ROOT);
            List<BitSet> apart = new ArrayList<>(2);
            for (Map.Entry<ServiceRule, BitSet> kind : protectedIn(list).entrySet()) {
                if (rules.changesOf(kind.getKey()).contains(lower)) {
                    apart.add(kind.getValue());
                }
            }
            classes = ResourceClassifier.apart(classes, apart);
        }
        return classes;
    }

    /**
     * The positions of the list's protected resources, by kind, found once per list: graph building asks for the
     * classes of the same target lists for thousands of principals.
     */
    private Map<ServiceRule, BitSet> protectedIn(ArnList list) {
        Map<ServiceRule, BitSet> kinds = protectedPositions.get(list);
        if (kinds == null) {
            Map<ServiceRule, BitSet> found = new java.util.EnumMap<>(ServiceRule.class);
            for (int i = 0; i < list.size(); i++) {
                ServiceRule kind = ServiceRules.protectedKind(list.get(i));
                if (kind != null) {
                    found.computeIfAbsent(kind, k -> new BitSet(list.size())).set(i);
                }
            }
            kinds = Collections.unmodifiableMap(found);
            protectedPositions.put(list, kinds);
        }
        return kinds;
    }

    /**
     * False when {@link #authorize} cannot allow the request whatever else the policies say: its resource policy
     * must allow it (a role's trust policy for a trust action, a KMS key policy), the policy is there, and none
     * of its Allow statements for the action names the caller (their Principal, or NotPrincipal, does not match
     * it). Every way to allow then goes through such a statement ({@link #authorize}: exact, parent or account
     * match), so the answer is an implicit or explicit deny. Cheaper than a decision: no layer is evaluated.
     * True otherwise, including whenever the engine must decide.
     */
    @Override
    public boolean resourcePolicyMayAllow(Request request, PolicySet policies) {
        if (!ResourcePolicyKind.of(request).mustAllow()) {
            return true;
        }
        CompiledStatement[] resource = compile(policies).candidates(request.action()).resource();
        if (resource == null) {
            return true;
        }
        for (CompiledStatement s : resource) {
            if (s.effect() == Effect.ALLOW && s.principalMatch(request) != PrincipalMatch.NONE) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Decision authorize(Request request, PolicySet policies) {
        CompiledPolicySet set = compile(policies);
        // Only the statements whose Resource may match are walked: linear in a policy's statements, not quadratic
        // over a blast radius that checks each of them (ResourcePrefixIndex).
        Candidates c = set.candidates(request.action()).forResource(request.resource());
        Caller caller = request.caller();
        Evaluation e = new Evaluation(request, set.errors());

        boolean identityApplies = caller.hasIdentityPolicies();
        boolean boundaryApplies = c.boundary() != null
                && (caller.kind() == CallerKind.USER || caller.kind() == CallerKind.ROLE_SESSION);
        boolean sessionApplies = c.session() != null && identityApplies;
        boolean scpApplies = c.scpLevels() != null && caller.isIamPrincipal() && !caller.serviceLinked()
                && !caller.managementAccount();
        boolean rcpApplies = c.rcp() != null && !caller.serviceLinked() && rules.rcpApplies(request.service());

        // Organizations guardrails: every SCP level must allow; RCP Denies deny.
        Constraint guard = Constraint.TRUE;
        if (scpApplies) {
            CompiledStatement[][] levels = c.scpLevels();
            for (int i = 0; i < levels.length; i++) {
                Constraint levelAllows = e.layer(levels[i], Layer.SCP, i, true);
                guard = Constraint.and(guard, levelAllows);
            }
        }
        if (rcpApplies) {
            e.layer(c.rcp(), Layer.RCP, -1, false);
        }

        // The caller's side.
        Constraint identity = Constraint.TRUE;
        if (identityApplies) {
            identity = e.layer(c.identity(), Layer.IDENTITY, -1, true);
        } else if (caller.kind() != CallerKind.ROOT) {
            identity = Constraint.FALSE;
        }
        Constraint limits = Constraint.TRUE;
        if (boundaryApplies) {
            limits = Constraint.and(limits, e.layer(c.boundary(), Layer.BOUNDARY, -1, true));
        }
        if (sessionApplies) {
            limits = Constraint.and(limits, e.layer(c.session(), Layer.SESSION, -1, true));
        }

        // The resource's side, by how its Principal names the caller.
        ResourcePolicyKind kind = ResourcePolicyKind.of(request);
        Constraint rpExact = Constraint.FALSE;
        Constraint rpParent = Constraint.FALSE;
        Constraint rpAccount = Constraint.FALSE;
        if (c.resource() != null) {
            for (CompiledStatement s : c.resource()) {
                PrincipalMatch how = s.principalMatch(request);
                if (how == PrincipalMatch.NONE && boundaryApplies && s.notPrincipal() && s.effect() == Effect.DENY) {
                    // "A NotPrincipal element with a Deny effect will always deny any IAM principal that has a
                    // permissions boundary policy attached, regardless of the values specified in the
                    // NotPrincipal element" (IAM JSON policy elements: NotPrincipal).
                    how = PrincipalMatch.EXACT;
                }
                if (how == PrincipalMatch.NONE) {
                    continue;
                }
                Constraint applies = e.statement(s);
                if (s.effect() == Effect.ALLOW) {
                    switch (how) {
                        case EXACT -> rpExact = Constraint.or(rpExact, applies);
                        case PARENT -> rpParent = Constraint.or(rpParent, applies);
                        default -> rpAccount = Constraint.or(rpAccount, applies);
                    }
                }
            }
            Constraint any = Constraint.or(rpExact, Constraint.or(rpParent, rpAccount));
            e.verdict(Layer.RESOURCE, -1, any, false);
        }

        Constraint allow;
        Constraint callerSide = Constraint.and(identity, limits);
        if (caller.kind() == CallerKind.ANONYMOUS || caller.kind() == CallerKind.SERVICE
                || caller.kind() == CallerKind.FEDERATED) {
            // No identity policies: only a resource policy naming them (or everyone) can grant.
            allow = rpExact;
        } else if (request.sameAccount()) {
            Constraint viaIdentity = kind.mustAllow() ? Constraint.and(rpAccount, callerSide) : callerSide;
            allow = Constraint.or(rpExact, Constraint.or(Constraint.and(rpParent, limits), viaIdentity));
        } else {
            Constraint resourceSide = Constraint.or(rpExact, Constraint.or(rpParent, rpAccount));
            allow = Constraint.and(callerSide, resourceSide);
        }
        // AWS Organizations' management calls answer only in the management account (or a delegated
        // administrator's): where the caller's account is not one, the service refuses whatever the policies say;
        // where it is not known, the decision depends on it (ServiceRules.organizationsPass).
        ServiceRule gate = rules.organizationsGate(request);
        Constraint orgPass = gate == null ? Constraint.TRUE : ServiceRules.organizationsPass(gate, caller);
        if (orgPass != Constraint.TRUE) {
            e.refusedBy(Constraint.not(orgPass));
        }
        Decision decided = e.decide(Constraint.and(guard, allow));
        if (orgPass != Constraint.TRUE) {
            return decided.withRule(gate);
        }
        ServiceRule always = rules.alwaysAllowedBy(request);
        if (always != null) {
            // The policies' verdicts stay in the explanation; the service allows whatever they say.
            return decided.ruledBy(always, Outcome.ALLOW, Constraint.TRUE, null);
        }
        ServiceRule protectedResource = rules.protectedChange(request);
        if (protectedResource != null) {
            // A change to a resource AWS protects: denied whatever the policies say (ServiceRules).
            return decided.ruledBy(protectedResource, Outcome.EXPLICIT_DENY, Constraint.TRUE, null);
        }
        return decided;
    }

    /** The state of one authorization: denies seen, statements that applied, layer verdicts. */
    private static final class Evaluation {
        private final Request request;
        private Constraint deny = Constraint.FALSE;
        private List<MatchedStatement> matched;
        private final List<LayerVerdict> verdicts = new ArrayList<>(6);
        private final List<Diagnostic> errors;

        Evaluation(Request request, List<Diagnostic> errors) {
            this.request = request;
            this.errors = errors;
        }

        /** Evaluates one layer's candidate statements; returns what its Allows grant. */
        Constraint layer(CompiledStatement[] statements, Layer layer, int level, boolean required) {
            Constraint allows = Constraint.FALSE;
            Constraint denies = Constraint.FALSE;
            for (CompiledStatement s : statements) {
                if (layer == Layer.RCP && s.principalMatch(request) == PrincipalMatch.NONE) {
                    continue;
                }
                Constraint applies = statement(s);
                if (s.effect() == Effect.ALLOW) {
                    allows = Constraint.or(allows, applies);
                } else {
                    denies = Constraint.or(denies, applies);
                }
            }
            verdicts.add(new LayerVerdict(layer, level, allows, denies, required));
            return allows;
        }

        /** A service refuses the request when {@code when} holds, whatever the policies say: a deny of its own. */
        void refusedBy(Constraint when) {
            deny = Constraint.or(deny, when);
        }

        void verdict(Layer layer, int level, Constraint allows, boolean required) {
            verdicts.add(new LayerVerdict(layer, level, allows, Constraint.FALSE, required));
        }

        /** Evaluates one statement, records it when it applies, and folds a Deny into the deny formula. */
        Constraint statement(CompiledStatement s) {
            Constraint applies = s.applies(request);
            if (applies != Constraint.FALSE) {
                if (matched == null) {
                    matched = new ArrayList<>(4);
                }
                matched.add(new MatchedStatement(s.ref(), applies));
                if (s.effect() == Effect.DENY) {
                    deny = Constraint.or(deny, applies);
                }
            }
            return applies;
        }

        Decision decide(Constraint allowed) {
            Constraint allowWhen = Constraint.and(allowed, Constraint.not(deny));
            Outcome outcome;
            Constraint condition;
            Outcome otherwise = null;
            if (allowWhen == Constraint.TRUE) {
                outcome = Outcome.ALLOW;
                condition = Constraint.TRUE;
            } else if (allowWhen != Constraint.FALSE) {
                outcome = Outcome.ALLOW;
                condition = allowWhen;
                otherwise = deny == Constraint.FALSE ? Outcome.IMPLICIT_DENY : Outcome.EXPLICIT_DENY;
            } else if (deny == Constraint.TRUE) {
                outcome = Outcome.EXPLICIT_DENY;
                condition = Constraint.TRUE;
            } else if (deny == Constraint.FALSE) {
                outcome = Outcome.IMPLICIT_DENY;
                condition = Constraint.TRUE;
            } else {
                outcome = Outcome.EXPLICIT_DENY;
                condition = deny;
                otherwise = Outcome.IMPLICIT_DENY;
            }
            return new Decision(outcome, condition, otherwise, matched == null ? List.of() : matched, verdicts,
                    errors);
        }
    }
}
