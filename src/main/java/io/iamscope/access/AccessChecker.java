package io.iamscope.access;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Authorizer;
import io.iamscope.eval.Caller;
import io.iamscope.eval.CallerKind;
import io.iamscope.eval.Decision;
import io.iamscope.eval.MatchedStatement;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.StatementRef;
import io.iamscope.access.Gathered;
import io.iamscope.access.Gatherer;
import io.iamscope.eval.BatchAuthorizer;
import io.iamscope.model.Principal;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import io.iamscope.policy.Effect;
import io.iamscope.policy.Statement;
import io.iamscope.policy.ConditionClause;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Every authorization check of graph building goes through here: one engine call per check, each turned into
 * {@link Evidence}. The attacker profile ({@code base}) is the context every request starts from. Thread-safe:
 * the gatherer and the local engine are, and the caches are concurrent.
 */
public final class AccessChecker {
    private final Gatherer gatherer;
    private final BatchAuthorizer authorizer;
    private final RequestContext base;
    private final Map<String, RequestContext> passed = new ConcurrentHashMap<>();
    private final Map<String, Evidence> entryChecks = new ConcurrentHashMap<>();
    private final Map<Role, AttachedPolicy> trust = new ConcurrentHashMap<>();
    private final Map<String, AttachedPolicy> opened = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.LongAdder> counts = new ConcurrentHashMap<>();

    void count(String action) {
        counts.computeIfAbsent(action, k -> new java.util.concurrent.atomic.LongAdder()).increment();
    }

    /** Engine calls per action so far. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /**
     * @param authorizer any engine; one without the {@link BatchAuthorizer} capability is asked about every
     *                   request one by one
     * @param base       the attacker's context every request starts from
     */
    public AccessChecker(Gatherer gatherer, Authorizer authorizer, RequestContext base) {
        this.gatherer = gatherer;
        this.authorizer = OneByOne.of(authorizer);
        this.base = base == null ? RequestContext.empty() : base;
    }

    /** The engine asked: what a remembered answer must have come from too. */
    Object engine() {
        return authorizer;
    }

    public Gatherer gatherer() {
        return gatherer;
    }

    public RequestContext base() {
        return base;
    }

    /** The context the actor's requests start from: its own, else the attacker context. */
    public RequestContext contextOf(Actor a) {
        return a.context() != null ? a.context() : base;
    }

    /**
     * The actor's context with a change made for one kind of request (a key set or declared unknown), built once
     * per actor context and {@code name}; {@code name} must say what the change is (two changes, two names). The
     * same instance every time, which the gatherer's caches are keyed by.
     */
    public RequestContext derived(Actor a, String name, UnaryOperator<RequestContext.Builder> change) {
        Map<String, RequestContext> cache = a.context() != null ? a.derivedContexts() : passed;
        return cache.computeIfAbsent(name, k -> change.apply(contextOf(a).toBuilder()).build());
    }

    /**
     * The actor after changing its own tags (IAM User Guide, "Controlling access to and for IAM users and roles
     * using tags": {@code aws:PrincipalTag} holds the tags attached to the principal making the request): the
     * keys of {@code set} take a value the attacker chooses, so {@code aws:PrincipalTag/KEY} is unknown; the keys
     * of {@code removed} are gone, so the key is absent.
     */
    public Actor retagged(Actor a, Set<String> set, Set<String> removed) {
        Map<String, String> tags = new java.util.LinkedHashMap<>(a.principal().tags());
        tags.keySet().removeIf(k -> removed.stream().anyMatch(r -> r.equalsIgnoreCase(k)));
        Principal changed;
        if (a.principal() instanceof User u) {
            changed = u.withTags(tags);
        } else if (a.principal() instanceof Role r) {
            changed = r.withTags(tags);
        } else {
            throw new IllegalArgumentException("only users and roles have tags of their own");
        }
        PrincipalRef ref = new PrincipalRef(a.ref().kind(), changed, a.account(), a.ref().sessionArn(), a.ref().via());
        RequestContext.Builder b = contextOf(a).toBuilder();
        set.forEach(k -> b.unknown("aws:PrincipalTag/" + k));
        // A new context instance: the gatherer derives the principal's keys once per (principal, context).
        return new Actor(ref, a.callerSet(), b.build(), a.mentionsCache());
    }

    /**
     * The actor with more context keys unknown in every request it makes (the tags of a resource it can
     * change, {@code aws:ResourceTag/KEY}).
     */
    public Actor withUnknown(Actor a, java.util.Collection<String> keys) {
        RequestContext.Builder b = contextOf(a).toBuilder();
        keys.forEach(b::unknown);
        return new Actor(a.ref(), a.callerSet(), b.build(), a.mentionsCache());
    }

    /** An actor for a user or role (its caller side gathered once). */
    public Actor actor(PrincipalRef ref) {
        return new Actor(ref, gatherer.gather(ref, "sts:GetCallerIdentity", "*", base).policies());
    }

    /**
     * Whether any identity-based Allow of the actor names the action: a necessary condition for every
     * technique step (IAM and the compute services involved have no resource policies that grant these).
     */
    public boolean mentions(Actor a, String action) {
        return a.mentionsCache().computeIfAbsent(action, k -> authorizer.identityMayAllow(a.callerSet(), k));
    }

    /**
     * Whether some Allow pattern of the actor for the action could match an ARN that starts with {@code prefix}
     * ({@code arn:aws:iam::ACCOUNT:role/}): a pattern can match such an ARN only if its text before the first
     * wildcard and the prefix agree as far as both go. Lets a technique skip its loop over every user or role
     * of an account when the actor's patterns name none of them (the loop cost actors × targets before).
     */
    public boolean mayMatchAnyUnder(Actor a, String action, String prefix) {
        return a.mentionsCache().computeIfAbsent(action + " under " + prefix, k -> {
            for (String p : authorizer.identityAllowResources(a.callerSet(), action)) {
                if (p.contains("${")) {
                    return true;
                }
                int wild = firstWildcard(p);
                String literal = wild < 0 ? p : p.substring(0, wild);
                if (literal.startsWith(prefix) || prefix.startsWith(literal)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static int firstWildcard(String p) {
        int star = p.indexOf('*');
        int question = p.indexOf('?');
        return star < 0 ? question : question < 0 ? star : Math.min(star, question);
    }

    public Evidence check(Actor a, String action, String resource) {
        return check(a.ref(), action, resource, contextOf(a));
    }

    /** The check with one more context key set, such as {@code iam:PolicyARN}. */
    public Evidence check(Actor a, String action, String resource, String key, String value) {
        return check(a.ref(), action, resource, derived(a, key + "=" + value, b -> b.put(key, value)));
    }

    /** The check in a context of the actor's ({@link #derived}). */
    public Evidence check(Actor a, String action, String resource, RequestContext context) {
        return check(a.ref(), action, resource, context);
    }

    /**
     * The action on a resource the attacker creates and names: {@code *} first, else a concrete ARN made from
     * each Resource pattern of the Allows that name the action (wildcards of the name filled in, a wildcard
     * region set to {@code us-east-1}, a wildcard account to the attacker's). The first that allows, preferring
     * a definite one.
     */
    public Evidence checkNew(Actor a, String action) {
        return checkNew(a, action, contextOf(a));
    }

    /**
     * {@link #checkNew(Actor, String)} in another context: the attacker's with the keys AWS sets from the request
     * (a launch template's ARN) or declares unknown (a value the attacker picks).
     */
    public Evidence checkNew(Actor a, String action, RequestContext context) {
        Evidence first = check(a.ref(), action, "*", context);
        if (first.allows() && !first.conditional()) {
            return first;
        }
        Evidence best = first.allows() ? first : null;
        for (String arn : newArns(a, action)) {
            Evidence e = check(a.ref(), action, arn, context);
            if (e.allows() && !e.conditional()) {
                return e;
            }
            if (e.allows() && best == null) {
                best = e;
            }
        }
        return best != null ? best : first;
    }

    /**
     * The attacker's context with request keys it picks itself declared unknown (the template URL of a stack
     * update, the layers of a function): a policy testing one makes the answer conditional on it rather than
     * deciding it as if the key were absent (cached per list of keys).
     */
    public RequestContext choosing(Actor a, List<String> keys) {
        if (keys.isEmpty()) {
            return contextOf(a);
        }
        return derived(a, "chosen|" + String.join(",", keys), b -> {
            keys.forEach(b::unknown);
            return b;
        });
    }

    /** The check in the actor's context with the keys it picks unknown ({@link #choosing}). */
    public Evidence check(Actor a, String action, String resource, List<String> chosenKeys) {
        return check(a.ref(), action, resource, choosing(a, chosenKeys));
    }

    /**
     * The action on a resource of an account outside the snapshot that the attacker owns and opens to everyone in
     * its resource policy (a Lambda layer it publishes there): only the attacker's side (identity policies,
     * boundary, SCPs) can refuse it.
     */
    public Evidence checkOnOwnResource(Actor a, String action, String resource) {
        count(action);
        Gathered g = gatherer.gather(a.ref(), action, resource, contextOf(a));
        AttachedPolicy open = opened.computeIfAbsent(action + " " + resource,
                k -> OpenResourcePolicy.of(action, resource));
        PolicySet set = g.policies().withResource(open, List.of());
        return evidence(action, resource, authorizer.authorize(g.request(), set));
    }

    /**
     * Concrete ARNs the attacker could give something it creates with the action, one per Resource pattern of
     * its Allows that name the action ({@link NewResource}; at most eight, in the policies' order).
     */
    public List<String> newArns(Actor a, String action) {
        List<String> out = new ArrayList<>(2);
        for (String pattern : authorizer.identityAllowResources(a.callerSet(), action)) {
            String arn = NewResource.instantiate(pattern, a.account());
            if (arn != null && !out.contains(arn)) {
                out.add(arn);
                if (out.size() == 8) {
                    break;
                }
            }
        }
        return out;
    }

    /** {@link #forEachAllowed(Actor, String, Targets, RequestContext, BiPredicate)} in the attacker's context. */
    public <T> void forEachAllowed(Actor a, String action, Targets<T> targets, BiPredicate<T, Evidence> visit) {
        forEachAllowed(a, action, targets, contextOf(a), visit);
    }

    /** The same for iam:PassRole, with {@code iam:PassedToService} set to the service (IAM: "iam:PassedToService"). */
    public <T> void forEachPassable(Actor a, String service, Targets<T> roles, BiPredicate<T, Evidence> visit) {
        RequestContext ctx = derived(a, "iam:PassedToService=" + service, b -> b.put("iam:PassedToService", service));
        forEachAllowed(a, "iam:PassRole", roles, ctx, visit);
    }

    /**
     * The same where AWS does not document the value of {@code iam:PassedToService}: the key is unknown, so a
     * policy testing it makes the answer conditional on it rather than deciding it either way.
     */
    public <T> void forEachPassableToUndocumented(Actor a, Targets<T> roles, BiPredicate<T, Evidence> visit) {
        RequestContext ctx = derived(a, "iam:PassedToService unknown", b -> b.unknown("iam:PassedToService"));
        forEachAllowed(a, "iam:PassRole", roles, ctx, visit);
    }

    /**
     * Visits, in list order, every target on which the action is allowed to the actor (definitely or under a
     * condition), with its evidence, until the visitor returns false: the same answers as one check per
     * target. Targets the actor's policies cannot tell apart ({@link io.iamscope.eval.BatchAuthorizer#resourceClasses}: the
     * same statements match them, they have the same account, service and resource type, and the same tags
     * and region when a condition reads those) are decided by one engine call for their whole class. For a
     * role trust action the class also shares one trust policy text, and the evidence names each role's own
     * trust policy. Targets whose own resource policy has a statement for the action, and matches that depend
     * on an unknown variable, are checked one by one.
     */
    public <T> void forEachAllowed(Actor a, String action, Targets<T> targets, RequestContext context,
                                   BiPredicate<T, Evidence> visit) {
        forEachAllowed(a, action, targets, context, t -> false, visit);
    }

    /** The same, passing over the targets {@code skip} accepts without deciding them on their own. */
    public <T> void forEachAllowed(Actor a, String action, Targets<T> targets, RequestContext context,
                                   Predicate<T> skip, BiPredicate<T, Evidence> visit) {
        forEachAllowed(a.ref(), action, targets, context, skip, visit);
    }

    /** The same for any principal (not only the graph's actors). */
    public <T> void forEachAllowed(PrincipalRef who, String action, Targets<T> targets, RequestContext context,
                                   Predicate<T> skip, BiPredicate<T, Evidence> visit) {
        new ClassChecks(this, gatherer, authorizer).forEachAllowed(who, action, targets, context, skip, visit, null);
    }

    /**
     * Receives a class of targets decided by one engine call: its positions in the target list and its
     * representative's evidence (whose resource is the representative's ARN).
     */
    public interface WholeClasses {
        /** The smallest class handed over whole; smaller ones are visited target by target. */
        int minSize();

        void accept(BitSet positions, Evidence representative);
    }

    /**
     * {@link #forEachAllowed(PrincipalRef, String, Targets, RequestContext, Predicate, BiPredicate)}, except that
     * a class of at least {@code whole.minSize()} targets decided by one engine call goes to {@code whole} in
     * one piece (never for a role trust action, whose evidence names each role's own trust policy). With an
     * engine that decides one request at a time every target is visited.
     */
    public <T> void forEachAllowed(PrincipalRef who, String action, Targets<T> targets, RequestContext context,
                                   WholeClasses whole, BiPredicate<T, Evidence> visit) {
        new ClassChecks(this, gatherer, authorizer).forEachAllowed(who, action, targets, context, t -> false, visit,
                whole);
    }

    /**
     * The targets on which the actor may perform the action, as classes decided alike ({@link AllowedClasses}):
     * the answers of {@link #forEachAllowed}, kept whole. The evidence of a class is its representative's.
     */
    public <T> AllowedClasses allowedClasses(Actor a, String action, Targets<T> targets, RequestContext context) {
        AllowedClasses out = new AllowedClasses();
        forEachAllowed(a.ref(), action, targets, context, new WholeClasses() {
            @Override
            public int minSize() {
                return 1;
            }

            @Override
            public void accept(BitSet positions, Evidence representative) {
                out.add((BitSet) positions.clone(), representative);
            }
        }, (t, e) -> {
            BitSet one = new BitSet();
            one.set(targets.indexOf(t));
            out.add(one, e);
            return true;
        });
        return out;
    }

    /** Whether any identity Allow of a set names the action. */
    public boolean mayAllow(PolicySet set, String action) {
        return authorizer.identityMayAllow(set, action);
    }

    public Evidence check(PrincipalRef who, String action, String resource, RequestContext context) {
        count(action);
        Gathered g = gatherer.gather(who, action, resource, context);
        return evidence(action, resource, authorizer.authorize(g.request(), g.policies()));
    }

    /** The check on an actor's caller side replaced by another set (a policy added, a boundary removed). */
    public Evidence checkWith(Actor a, PolicySet callerSet, String action, String resource) {
        return checkWith(a, callerSet, action, resource, contextOf(a));
    }

    /** The same in another context of the actor's ({@link #derived}). */
    public Evidence checkWith(Actor a, PolicySet callerSet, String action, String resource, RequestContext context) {
        count(action);
        Gathered g = gatherer.gather(a.ref(), action, resource, context);
        PolicySet set = callerSet.withResource(g.policies().resourcePolicy(), g.policies().rcps());
        return evidence(action, resource, authorizer.authorize(g.request(), set));
    }

    /**
     * Whether an AWS service may assume the role: its trust policy must name the service (a service
     * principal has no identity policies). The service acts for the attacker, in the role's account; what the
     * attacker chooses (the source ARN) is unknown. RCPs are not applied to service callers.
     */
    public Evidence serviceAssume(String service, Role role) {
        return entryChecks.computeIfAbsent("svc|" + service + "|" + role.arn(), k -> {
            RequestContext.Builder b = unknownTrustKeys(role).put("aws:PrincipalIsAWSService", "true")
                    .put("aws:PrincipalServiceName", service).put("aws:SourceAccount", role.accountId());
            Caller caller = new Caller(service, null, CallerKind.SERVICE, null, false, false, null);
            Request r = new Request(caller, "sts:AssumeRole", role.arn(), role.accountId(), b.build());
            return evidence("sts:AssumeRole", role.arn(), authorizer.authorize(r, trustSet(role)));
        });
    }

    /** Whether users of an identity provider may assume the role (web identity or SAML). */
    public Evidence federatedAssume(String provider, Role role) {
        String action = provider.contains(":saml-provider/") ? "sts:AssumeRoleWithSAML"
                : "sts:AssumeRoleWithWebIdentity";
        return entryChecks.computeIfAbsent("fed|" + provider + "|" + role.arn(), k -> {
            Caller caller = new Caller(provider, null, CallerKind.FEDERATED, null, false, false, null);
            Request r = new Request(caller, action, role.arn(), role.accountId(), unknownTrustKeys(role).build());
            return evidence(action, role.arn(), authorizer.authorize(r, trustSet(role)));
        });
    }

    /**
     * Whether an account outside the snapshot (or anyone, through {@code account} = a made-up outsider) may
     * assume the role: its root stands for whoever that account lets. Keys the outsider controls (an external
     * id, a source identity) are unknown, not absent.
     */
    public Evidence outsiderAssume(String account, Role role) {
        PrincipalRef who = new PrincipalRef(PrincipalRef.Kind.ROOT, null, account, null, null);
        return check(who, "sts:AssumeRole", role.arn(), unknownTrustKeys(role).build());
    }

    private AttachedPolicy trustPolicy(Role role) {
        return trust.computeIfAbsent(role, r -> new AttachedPolicy("role/" + r.name() + " trust policy", null,
                r.trustPolicy()));
    }

    private PolicySet trustSet(Role role) {
        return PolicySet.builder().resourcePolicy(trustPolicy(role)).build();
    }

    /** Condition keys of the trust policy that the caller controls or we cannot know, declared unknown. */
    private RequestContext.Builder unknownTrustKeys(Role role) {
        RequestContext.Builder b = base.toBuilder();
        if (role.trustPolicy() == null) {
            return b;
        }
        for (Statement s : role.trustPolicy().statements()) {
            for (ConditionClause c : s.conditions()) {
                String key = c.key().toLowerCase(Locale.ROOT);
                if (!key.startsWith("aws:principal") && !b.has(c.key())) {
                    b.unknown(c.key());
                }
            }
        }
        return b;
    }

    static Evidence evidence(String action, String resource, Decision d) {
        List<io.iamscope.eval.StatementRef> refs = new ArrayList<>(2);
        for (MatchedStatement m : d.statements()) {
            if (m.ref().effect() == Effect.ALLOW) {
                refs.add(m.ref());
            }
        }
        return new Evidence(action, resource, d.outcome(), d.condition(), refs);
    }
}
