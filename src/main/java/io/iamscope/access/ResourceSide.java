package io.iamscope.access;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.Organization;
import io.iamscope.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every request on one resource takes from it: its account, its resource policy (a role's trust policy
 * for trust actions), the RCP chain of its account, what the snapshot could not say of it, and the context
 * keys AWS derives from it (tags, account, organization, region); for a bucket under Block Public Access, the
 * policy as callers outside its account see it. Gathered once per resource and shared by
 * every principal; thread-safe.
 */
final class ResourceSide {
    private final String arn;
    private final String account;
    private final AttachedPolicy policy;
    /** The policy as it applies to callers outside the account (Block Public Access: {@link RestrictedBucketPolicy}). */
    private final AttachedPolicy outsidersPolicy;
    private final String policyName;
    private final Map<String, String> tags;
    private final Resource record;
    private final List<String> notes;
    private final OrgChains.Chain rcps;
    private final Organization org;
    /** Whether its policy could not be read: requests then hold {@link UnreadablePolicy#KEY} unknown. */
    private final boolean policyUnread;
    /** Derived keys per given context (compared by identity: an analysis reuses a few contexts). */
    private final Map<RequestContext, RequestContext> contexts = new ConcurrentHashMap<>(2);

    ResourceSide(String arn, String account, AttachedPolicy policy, String policyName, Map<String, String> tags,
                 Resource record, List<String> notes, OrgChains.Chain rcps, Organization org, boolean policyUnread) {
        this.arn = arn;
        this.account = account;
        this.policy = policy;
        this.outsidersPolicy = RestrictedBucketPolicy.forOutsiders(record, policy);
        this.policyName = policyName;
        this.tags = tags;
        this.record = record;
        this.notes = notes;
        this.rcps = rcps;
        this.org = org;
        this.policyUnread = policyUnread;
    }

    String account() {
        return account;
    }

    AttachedPolicy policy() {
        return policy;
    }

    /** The resource policy a request by the caller is evaluated with. */
    AttachedPolicy policyFor(Caller caller) {
        return outsidersPolicy != policy && RestrictedBucketPolicy.outsider(caller, account) ? outsidersPolicy : policy;
    }

    String policyName() {
        return policyName;
    }

    List<String> notes() {
        return notes;
    }

    OrgChains.Chain rcps() {
        return rcps;
    }

    /** The keys derived from the resource that the given context neither sets nor declares unknown. */
    RequestContext context(RequestContext given) {
        return contexts.computeIfAbsent(given, g -> {
            RequestContext.Builder b = RequestContext.builder();
            ContextKeys.resource(account, tags, org, g, b);
            ContextKeys.region(arn, record, g, b);
            if (policyUnread) {
                b.unknown(UnreadablePolicy.DENIES);
                b.unknown(UnreadablePolicy.ALLOWS);
            }
            String restrictKey = RestrictedBucketPolicy.unknownKey(record);
            if (restrictKey != null && !g.isPresent(restrictKey) && !g.isUnknown(restrictKey)) {
                b.unknown(restrictKey);
            }
            return b.build();
        });
    }
}
