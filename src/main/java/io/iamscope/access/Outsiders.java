package io.iamscope.access;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Authorizer;
import io.iamscope.eval.Caller;
import io.iamscope.eval.CallerKind;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.PrincipalRef;
import io.iamscope.policy.Arn;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PatternList;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Engine questions about identities outside the snapshot, on the snapshot's resources and roles: anyone (the
 * root of an account outside the snapshot and the organization), another account (its root: whoever it lets),
 * or a user or role of another account (named by a policy). The resource side is gathered as for any request
 * (resource or trust policy, RCPs, derived keys); the outsider has no policies of ours. Keys the outsider
 * controls or that cannot be known (an external id, a source address) are declared unknown, never absent, so
 * that a condition on them makes the answer conditional.
 */
public final class Outsiders {
    /** The account that stands for anyone: outside every snapshot and organization. */
    public static final String ANYONE_ACCOUNT = "000000000000";

    private final Gatherer gatherer;
    private final Authorizer engine;
    private final RequestContext base;
    private final Map<String, RequestContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, AttachedPolicy> ownPolicies = new ConcurrentHashMap<>();

    public Outsiders(Gatherer gatherer, Authorizer engine, RequestContext base) {
        this.gatherer = gatherer;
        this.engine = engine;
        this.base = base == null ? RequestContext.empty() : base;
    }

    /**
     * Whether the outsider may perform the action on the resource.
     *
     * @param outsider {@code *} for anyone, a 12-digit account id or account root ARN, or an IAM user or role ARN
     * @param unknown  condition keys the outsider controls, declared unknown unless the attacker's context sets
     *                 them (keys AWS derives from caller and resource are derived, whatever this says)
     */
    public Evidence check(String outsider, String action, String resource, Collection<String> unknown) {
        String account = "*".equals(outsider) ? ANYONE_ACCOUNT
                : outsider.matches("\\d{12}") ? outsider : Arn.accountOf(outsider);
        String resourcePart = Arn.parse(outsider).map(Arn::resource).orElse("");
        CallerKind kind = resourcePart.startsWith("user/") ? CallerKind.USER
                : resourcePart.startsWith("role/") ? CallerKind.ROLE_SESSION : CallerKind.ROOT;
        RequestContext ctx = contexts.computeIfAbsent(outsider + "|" + String.join(",", unknown), k -> {
            RequestContext.Builder b = base.toBuilder();
            for (String key : unknown) {
                String lower = key.toLowerCase(Locale.ROOT);
                if (!b.has(key) && !lower.startsWith("aws:principal") && !lower.startsWith("aws:resource")
                        && !lower.equals("aws:requestedregion")) {
                    b.unknown(key);
                }
            }
            if (kind != CallerKind.ROOT) {
                // For a role session aws:PrincipalArn is the role's ARN (IAM User Guide: global condition keys).
                b.put("aws:PrincipalArn", outsider);
                b.put("aws:PrincipalType", kind == CallerKind.USER ? "User" : "AssumedRole");
            }
            return b.build();
        });
        Gathered g = gatherer.gather(new PrincipalRef(PrincipalRef.Kind.ROOT, null, account, null, null), action,
                resource, ctx);
        Request request = g.request();
        PolicySet policies = g.policies();
        if (kind != CallerKind.ROOT) {
            String name = resourcePart.substring(resourcePart.lastIndexOf('/') + 1);
            Caller caller = kind == CallerKind.USER ? new Caller(outsider, account, kind, null, false, false, null)
                    : new Caller("arn:aws:sts::" + account + ":assumed-role/" + name + "/iamscope", account, kind,
                    outsider, false, false, null);
            request = new Request(caller, action, resource, request.resourceAccount(), request.context());
            // Across accounts both sides must allow; the outsider's own policies are not ours to read: whatever its
            // account lets it do is assumed, as for an account named whole.
            policies = PolicySet.builder().identity(ownPolicies.computeIfAbsent(outsider, Outsiders::assumedAllow))
                    .build().withResource(policies.resourcePolicy(), policies.rcps());
        }
        return AccessChecker.evidence(action, resource, engine.authorize(request, policies));
    }

    /** An Allow of everything, standing for the policies of an identity outside the snapshot (unknown). */
    private static AttachedPolicy assumedAllow(String outsider) {
        String name = "policies of `" + outsider + "` (outside the snapshot: assumed to allow)";
        SourceLocation at = SourceLocation.of(name);
        PatternList all = new PatternList(false, List.of("*"), at);
        Statement s = new Statement(0, null, Effect.ALLOW, null, all, all, List.of(), at.child("Statement").child(0));
        return new AttachedPolicy(name, null, new PolicyDocument(PolicyDocument.VERSION_2012, null, List.of(s), name,
                List.of()));
    }
}
