package io.iamscope.access;

import io.iamscope.policy.Arn;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.CallerKind;
import io.iamscope.eval.OrgStanding;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.TrustActions;
import io.iamscope.eval.Truth;
import io.iamscope.model.Gap;
import io.iamscope.model.Group;
import io.iamscope.model.InlinePolicy;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.OrgPolicy;
import io.iamscope.model.Organization;
import io.iamscope.model.Principal;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.User;
import io.iamscope.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bridge from a snapshot to the engine: for a principal and a request, the {@link Caller}, the
 * {@link PolicySet} (identity policies with the user's groups', boundary, SCP chain of the caller's account,
 * RCP chain of the resource's account, resource policy) and the context keys AWS derives. Policy sets are
 * cached per principal and resource policy, and each document gets one {@link AttachedPolicy} instance, since
 * the engine caches compiled forms by identity. Thread-safe.
 */
public final class Gatherer {
    private static final String DEFAULT_SESSION = "iamscope";

    private final SnapshotIndex index;
    private final Organization org;
    private final Map<PolicyDocument, AttachedPolicy> attached = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<String, CallerPolicies> callers = new ConcurrentHashMap<>();
    private final Map<ContextKey, RequestContext> principalContexts = new ConcurrentHashMap<>();
    private final Map<String, ResourceSide> resourceSides = new ConcurrentHashMap<>();
    private final Map<String, ResourceSide> trustSides = new ConcurrentHashMap<>();
    private volatile Map<String, Role> rolesByName;
    /** The gatherer of an earlier snapshot of the same accounts whose instances this one reuses, or null. */
    private final Gatherer earlier;
    /** Admin statuses decided for actors without a context of their own, with what decided them. */
    private final Map<String, KnownAdmin> admins = new ConcurrentHashMap<>();
    /** Whether {@link #earlier}'s organization equals this one's (null until asked). */
    private volatile Boolean sameOrganization;

    /**
     * A gatherer for one snapshot. Its attached-policy instances are what the engine caches compiled forms by:
     * analyses of the snapshot share one (the workspace's) so that a who-can or blast radius after the graph build
     * reuses the build's compiled policies instead of compiling every principal's again.
     */
    public Gatherer(SnapshotIndex index) {
        this(index, null);
    }

    /**
     * A gatherer for a snapshot that is {@code earlier}'s with some changes (a plan applied): where a document,
     * or a principal's whole caller side, is the same as there, it hands out {@code earlier}'s instances, so that
     * an engine shared by both reuses what it compiled and memoised for them (docs/performance.md). The same
     * instances, not equal ones: a document is reused only when it is the same object under the same name, a
     * caller side only when every policy in it is.
     */
    public Gatherer(SnapshotIndex index, Gatherer earlier) {
        this.index = index;
        this.org = index.snapshot().organization();
        this.earlier = earlier;
    }

    public SnapshotIndex index() {
        return index;
    }

    /**
     * Builds the request and its policies.
     *
     * @param given context keys the user set or declared unknown; derived keys never override them
     */
    public Gathered gather(PrincipalRef who, String action, String resource, RequestContext given) {
        RequestContext context = given == null ? RequestContext.empty() : given;
        CallerPolicies cp = callers.computeIfAbsent(key(who), k -> earlierIfSame(k, callerPolicies(who)));
        ResourceSide rs = resourceSide(resource, isTrustAction(action) && resource.contains(":role/"));
        List<String> notes = cp.notes();
        if (!rs.notes().isEmpty()) {
            notes = new ArrayList<>(notes);
            notes.addAll(rs.notes());
        }
        // Derived from the principal's shared caller side, so the engine compiles that side once per principal.
        PolicySet set = cp.base().withResource(rs.policyFor(cp.caller()), rs.rcps().levels());
        // The resource's keys laid over the principal's, both computed once: no map is copied per request.
        RequestContext keys = rs.context(context).over(principalContext(who, cp, context));
        Request request = new Request(cp.caller(), action, resource, rs.account(), keys);
        return new Gathered(who, request, set, cp.scpLevels(), rs.rcps().names(), rs.policyName(), notes);
    }

    /**
     * The resource policy a request for the action on the resource is evaluated with (a role's trust policy
     * for trust actions), or null; the same instance {@link #gather} puts in the policy set.
     */
    public AttachedPolicy resourcePolicy(String action, String resource) {
        return resourceSide(resource, isTrustAction(action) && resource.contains(":role/")).policy();
    }

    private static boolean isTrustAction(String action) {
        return TrustActions.contains(action);
    }

    /** What requests take from a resource, gathered once per resource (trust actions apart: another policy). */
    private ResourceSide resourceSide(String resource, boolean trust) {
        Map<String, ResourceSide> cache = trust ? trustSides : resourceSides;
        if (cache.size() > 200_000) {
            cache.clear(); // a caller visiting more resources than a snapshot holds: keep memory bounded
        }
        return cache.computeIfAbsent(resource, r -> newResourceSide(r, trust));
    }

    private ResourceSide newResourceSide(String resource, boolean trust) {
        List<String> notes = new ArrayList<>(0);
        String resourceAccount = index.accountOf(resource);
        AttachedPolicy resourcePolicy = null;
        String resourcePolicyName = null;
        Map<String, String> resourceTags = Map.of();
        Principal resourcePrincipal = "*".equals(resource) ? null : index.principal(resource);
        if (resourcePrincipal == null && resource.contains(":role/")) {
            resourcePrincipal = byName(resource);
        }
        if (trust) {
            if (resourcePrincipal instanceof Role r && r.trustPolicy() != null) {
                resourcePolicy = attach(r.trustPolicy(), "role/" + r.name() + " trust policy", null);
                resourcePolicyName = "trust policy of role `" + r.name() + "`";
            } else {
                notes.add("role `" + resource + "` is not in the snapshot: its trust policy is unknown"
                        + " (evaluated as if it had none)");
            }
        } else if (!"*".equals(resource)) {
            Resource r = index.resource(resource);
            if (r != null) {
                resourceTags = r.tags();
                if (r.policy() != null) {
                    resourcePolicy = attach(r.policy(), r.arn() + " resource policy", null);
                    resourcePolicyName = "policy of `" + r.arn() + "`";
                }
            } else if (!index.knows(resource) && !"iam".equals(Arn.serviceOf(resource))) {
                // IAM resources have no resource-based policies besides role trust policies.
                notes.add("resource policy not in snapshot: `" + resource + "` is not a resource of the snapshot"
                        + " (evaluated with no resource policy)");
            }
        }
        if (resourcePrincipal != null) {
            resourceTags = resourcePrincipal.tags();
        }
        boolean unread = false;
        for (Gap g : "*".equals(resource) ? List.<Gap>of() : index.gapsAbout(resource)) {
            notes.add("collection gap: `" + g.operation() + "` failed with `" + g.errorCode() + "` for `"
                    + g.resource() + "`: what it would have returned is unknown");
            if (!trust && !unread && resourcePolicy == null && UnreadablePolicy.leftUnread(g)) {
                unread = true;
                resourcePolicy = attach(UnreadablePolicy.standIn(g.resource(), g), g.resource()
                        + " unreadable resource policy", null);
                resourcePolicyName = "unreadable policy of `" + g.resource() + "` (it may allow or deny: access"
                        + " through it is conditional)";
            }
        }
        return new ResourceSide(resource, resourceAccount, resourcePolicy, resourcePolicyName, resourceTags,
                index.resource(resource), List.copyOf(notes), OrgChains.rcps(org, resourceAccount, this::attach), org,
                unread);
    }

    /** The given context with the keys AWS derives from the caller, computed once per (principal, context). */
    private RequestContext principalContext(PrincipalRef who, CallerPolicies cp, RequestContext given) {
        if (principalContexts.size() > 100_000) {
            principalContexts.clear(); // a caller making a new context per request: keep memory bounded
        }
        return principalContexts.computeIfAbsent(new ContextKey(key(who), given), k -> {
            RequestContext.Builder b = given.toBuilder();
            ContextKeys.principal(who, cp.caller(), org, given, b);
            return b.build();
        });
    }

    /** A principal and a given context; contexts compare by identity (the caller reuses one per analysis). */
    private record ContextKey(String principal, RequestContext given) {
    }

    /**
     * A role by account and name when its ARN was written without the role's path (a trust or resource policy
     * naming {@code role/name} for {@code role/path/name}).
     */
    private Principal byName(String roleArn) {
        Map<String, Role> names = rolesByName;
        if (names == null) {
            names = new java.util.HashMap<>();
            for (var a : index.snapshot().accounts()) {
                for (Role r : a.roles()) {
                    names.putIfAbsent(a.accountId() + "/" + r.name(), r);
                }
            }
            rolesByName = names;
        }
        return names.get(Arn.accountOf(roleArn) + "/" + roleArn.substring(roleArn.lastIndexOf('/') + 1));
    }

    private static Truth delegated(Organization org, String account) {
        Boolean listed = org.isDelegatedAdministrator(account);
        return listed == null ? Truth.UNKNOWN : listed ? Truth.TRUE : Truth.FALSE;
    }

    private static String key(PrincipalRef who) {
        return who.sessionArn() == null ? who.arn() : who.arn() + "|" + who.sessionArn();
    }

    private CallerPolicies callerPolicies(PrincipalRef who) {
        String account = who.accountId();
        boolean management = org != null && org.isManagementAccount(account);
        // Without the organization, or for an account it does not list, the account may manage one: unknown. A
        // member is a delegated administrator or not when the snapshot lists them, unknown when it does not.
        OrgStanding standing = management ? OrgStanding.MANAGEMENT
                : org != null && org.levels(account) != null ? OrgStanding.member(delegated(org, account))
                : OrgStanding.UNKNOWN;
        List<String> notes = new ArrayList<>();
        List<AttachedPolicy> identity = new ArrayList<>();
        AttachedPolicy boundary = null;
        Caller caller;
        switch (who.kind()) {
            case USER -> {
                User u = (User) who.principal();
                caller = new Caller(u.arn(), account, CallerKind.USER, null, false, standing, null);
                addOwn(u, "user/" + u.name(), identity, notes);
                for (Group g : index.groupsOf(u)) {
                    addOwn(g, "group/" + g.name(), identity, notes);
                }
                boundary = boundary(u.boundaryArn(), notes);
            }
            case ROLE -> {
                Role r = (Role) who.principal();
                String session = who.sessionArn() != null ? who.sessionArn()
                        : "arn:aws:sts::" + account + ":assumed-role/" + r.name() + "/" + DEFAULT_SESSION;
                caller = new Caller(session, account, CallerKind.ROLE_SESSION, r.arn(), r.serviceLinked(), standing,
                        null);
                addOwn(r, "role/" + r.name(), identity, notes);
                boundary = boundary(r.boundaryArn(), notes);
            }
            default -> caller = new Caller("arn:aws:iam::" + account + ":root", account, CallerKind.ROOT, null, false,
                    standing, null);
        }
        OrgChains.Chain scps = OrgChains.scps(org, account, this::attach);
        PolicySet base = PolicySet.builder().identity(identity).boundary(boundary).scps(scps.levels()).build();
        return new CallerPolicies(caller, base, scps.names(), List.copyOf(notes));
    }

    /**
     * The actor's admin status ({@link AdminCheck#of}): {@code earlier}'s answer when it was decided from the very
     * same inputs (the same caller-side instance, an equal principal, the same attacker context and engine, an
     * equal organization; the requests are on {@code *}, so no resource of the snapshot takes part), else
     * {@code decide}'s.
     */
    AdminStatus adminStatus(AccessChecker checker, Actor a, java.util.function.Supplier<AdminStatus> decide) {
        if (a.hasOwnContext()) {
            return decide.get();
        }
        String key = key(a.ref());
        PolicySet.CallerSide side = a.callerSet().callerSide();
        KnownAdmin was = earlier == null ? null : earlier.admins.get(key);
        AdminStatus status = was != null && was.callerSide() == side && was.context() == checker.base()
                && was.engine() == checker.engine() && was.principal().equals(a.principal()) && sameOrganization()
                ? was.status() : decide.get();
        admins.put(key, new KnownAdmin(side, a.principal(), checker.base(), checker.engine(), status));
        return status;
    }

    private boolean sameOrganization() {
        Boolean same = sameOrganization;
        if (same == null) {
            same = java.util.Objects.equals(earlier.org, org);
            sameOrganization = same;
        }
        return same;
    }

    /** An admin status and the inputs it was decided from. */
    private record KnownAdmin(PolicySet.CallerSide callerSide, Principal principal, RequestContext context,
                              Object engine, AdminStatus status) {
    }

    /** {@code earlier}'s caller policies of the principal when they are made of the same instances as {@code cp}. */
    private CallerPolicies earlierIfSame(String key, CallerPolicies cp) {
        CallerPolicies was = earlier == null ? null : earlier.callers.get(key);
        if (was == null || !was.caller().equals(cp.caller()) || !was.scpLevels().equals(cp.scpLevels())
                || !was.notes().equals(cp.notes())) {
            return cp;
        }
        PolicySet a = was.base();
        PolicySet b = cp.base();
        boolean same = a.boundary() == b.boundary() && a.session() == null && b.session() == null
                && sameInstances(a.identity(), b.identity()) && (a.scps() == null) == (b.scps() == null);
        if (same && a.scps() != null) {
            same = a.scps().size() == b.scps().size();
            for (int i = 0; same && i < a.scps().size(); i++) {
                same = sameInstances(a.scps().get(i), b.scps().get(i));
            }
        }
        return same ? was : cp;
    }

    private static boolean sameInstances(List<AttachedPolicy> a, List<AttachedPolicy> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void addOwn(Principal p, String owner, List<AttachedPolicy> into, List<String> notes) {
        for (InlinePolicy i : p.inlinePolicies()) {
            into.add(attach(i.document(), owner + " inline `" + i.name() + "`", null));
        }
        for (String arn : p.attachedPolicyArns()) {
            ManagedPolicy m = index.managedPolicy(arn);
            if (m == null || m.document() == null) {
                notes.add("managed policy `" + arn + "` attached to " + owner + " is not in the snapshot: left out");
            } else {
                into.add(attach(m.document(), m.name(), m.arn()));
            }
        }
    }

    private AttachedPolicy boundary(String arn, List<String> notes) {
        if (arn == null) {
            return null;
        }
        ManagedPolicy m = index.managedPolicy(arn);
        if (m == null || m.document() == null) {
            notes.add("permissions boundary `" + arn + "` is not in the snapshot: evaluated without it");
            return null;
        }
        return attach(m.document(), m.name(), m.arn());
    }

    private AttachedPolicy attach(OrgPolicy p) {
        return attach(p.content(), p.name() != null ? p.name() : p.id(), null);
    }

    private AttachedPolicy attach(PolicyDocument doc, String name, String arn) {
        return attached.computeIfAbsent(doc, d -> {
            AttachedPolicy was = earlier == null ? null : earlier.attached.get(d);
            return was != null && was.name().equals(name) && java.util.Objects.equals(was.arn(), arn) ? was
                    : new AttachedPolicy(name, arn, d);
        });
    }
}
