package io.iamscope.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Every policy that applies to one request, by layer. A missing layer does not exist: {@code scps == null}
 * means the caller's account is in no organization; an empty boundary means none is set.
 *
 * <p>{@code scps} holds the SCPs attached at each level of the caller's account, root first, account last.
 * {@code rcps} holds the RCPs at each level of the resource's account, besides RCPFullAWSAccess, which AWS
 * attaches at every level and cannot be detached; only their Deny statements can change a decision.
 * Identity equality: the engine caches the compiled form per instance.
 */
public final class PolicySet {
    /**
     * The caller's side of a policy set: identity policies, boundary, session policies and the SCP chain. Sets
     * derived with {@link #withResource} share it, so the engine compiles and indexes it once per principal
     * rather than once per (principal, resource). Identity equality, like the set.
     */
    public static final class CallerSide {
        private final List<AttachedPolicy> identity;
        private final AttachedPolicy boundary;
        private final List<AttachedPolicy> session;
        private final List<List<AttachedPolicy>> scps;

        private CallerSide(Builder b) {
            this.identity = List.copyOf(b.identity);
            this.boundary = b.boundary;
            this.session = b.session == null ? null : List.copyOf(b.session);
            this.scps = b.scps == null ? null : b.scps.stream().map(List::copyOf).toList();
        }
    }

    private final CallerSide caller;
    private final List<List<AttachedPolicy>> rcps;
    private final AttachedPolicy resourcePolicy;

    private PolicySet(CallerSide caller, List<List<AttachedPolicy>> rcps, AttachedPolicy resourcePolicy) {
        this.caller = caller;
        this.rcps = rcps == null ? null : rcps.stream().map(List::copyOf).toList();
        this.resourcePolicy = resourcePolicy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same caller side with another resource policy and RCP chain. */
    public PolicySet withResource(AttachedPolicy resourcePolicy, List<List<AttachedPolicy>> rcps) {
        return new PolicySet(caller, rcps, resourcePolicy);
    }

    public CallerSide callerSide() {
        return caller;
    }

    public List<AttachedPolicy> identity() {
        return caller.identity;
    }

    public AttachedPolicy boundary() {
        return caller.boundary;
    }

    /** Session policies, or null when the session was created without any. */
    public List<AttachedPolicy> session() {
        return caller.session;
    }

    public List<List<AttachedPolicy>> scps() {
        return caller.scps;
    }

    public List<List<AttachedPolicy>> rcps() {
        return rcps;
    }

    public AttachedPolicy resourcePolicy() {
        return resourcePolicy;
    }

    /** A copy with other layers changed. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.identity.addAll(identity());
        b.boundary = boundary();
        b.session = session() == null ? null : new ArrayList<>(session());
        b.scps = scps() == null ? null : new ArrayList<>(scps());
        b.rcps = rcps == null ? null : new ArrayList<>(rcps);
        b.resourcePolicy = resourcePolicy;
        return b;
    }

    /** Builds a policy set; not thread-safe. */
    public static final class Builder {
        private final List<AttachedPolicy> identity = new ArrayList<>();
        private AttachedPolicy boundary;
        private List<AttachedPolicy> session;
        private List<List<AttachedPolicy>> scps;
        private List<List<AttachedPolicy>> rcps;
        private AttachedPolicy resourcePolicy;

        public Builder identity(AttachedPolicy policy) {
            identity.add(policy);
            return this;
        }

        public Builder identity(List<AttachedPolicy> policies) {
            identity.addAll(policies);
            return this;
        }

        public Builder boundary(AttachedPolicy policy) {
            boundary = policy;
            return this;
        }

        public Builder session(AttachedPolicy policy) {
            if (session == null) {
                session = new ArrayList<>();
            }
            session.add(policy);
            return this;
        }

        public Builder scps(List<List<AttachedPolicy>> levels) {
            scps = levels == null ? null : new ArrayList<>(levels);
            return this;
        }

        public Builder rcps(List<List<AttachedPolicy>> levels) {
            rcps = levels == null ? null : new ArrayList<>(levels);
            return this;
        }

        public Builder resourcePolicy(AttachedPolicy policy) {
            resourcePolicy = policy;
            return this;
        }

        public PolicySet build() {
            return new PolicySet(new CallerSide(this), rcps, resourcePolicy);
        }
    }
}
