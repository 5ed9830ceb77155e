package io.iamscope.analysis.review;

import io.iamscope.model.Account;
import io.iamscope.model.InlinePolicy;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.OrgPolicy;
import io.iamscope.model.PolicyVersion;
import io.iamscope.model.Principal;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.Snapshot;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.Statement;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Who holds each statement of the snapshot: the managed policy, the principal of an inline or trust policy, the
 * resource, the organization policy. Keyed by the statement's location instance, which the engine hands on in
 * its {@link io.iamscope.eval.StatementRef} unchanged: a statement found by the engine is found here without
 * reading names back.
 */
final class PolicyOwners {
    /**
     * @param arn  what to change: the managed policy's ARN, the principal holding an inline or trust policy, the
     *             resource, or the organization policy's ARN
     * @param what {@code managed policy}, {@code inline policy `tools` of user `alice`}, ...
     */
    record Owner(String arn, String what) {
    }

    private final Map<SourceLocation, Owner> owners = new IdentityHashMap<>();

    PolicyOwners(Snapshot snapshot) {
        for (Account a : snapshot.accounts()) {
            for (ManagedPolicy p : a.policies()) {
                for (PolicyVersion v : p.versions()) {
                    add(v.document(), new Owner(p.arn(), "managed policy `" + p.name() + "`"));
                }
            }
            a.users().forEach(this::inline);
            a.groups().forEach(this::inline);
            for (Role r : a.roles()) {
                inline(r);
                add(r.trustPolicy(), new Owner(r.arn(), "trust policy of role `" + r.name() + "`"));
            }
            for (Resource r : a.resources()) {
                add(r.policy(), new Owner(r.arn(), "resource policy of `" + r.arn() + "`"));
            }
        }
        if (snapshot.organization() != null) {
            for (OrgPolicy p : snapshot.organization().policies()) {
                add(p.content(), new Owner(p.arn() != null ? p.arn() : p.id(), "organization policy `" + p.name() + "`"));
            }
        }
    }

    private void inline(Principal p) {
        for (InlinePolicy i : p.inlinePolicies()) {
            add(i.document(), new Owner(p.arn(), "inline policy `" + i.name() + "` of " + p.kindName() + " `"
                    + p.name() + "`"));
        }
    }

    private void add(PolicyDocument doc, Owner owner) {
        if (doc == null) {
            return;
        }
        for (Statement s : doc.statements()) {
            if (s.location() != null) {
                owners.putIfAbsent(s.location(), owner);
            }
        }
    }

    /** The holder of the statement written at {@code location}, or null (a policy from outside the snapshot). */
    Owner of(SourceLocation location) {
        return location == null ? null : owners.get(location);
    }
}
