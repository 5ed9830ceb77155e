package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.AdminCheck;
import io.iamscope.access.AdminStatus;
import io.iamscope.access.Evidence;
import io.iamscope.access.TagKeysRead;
import io.iamscope.access.Targets;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.model.Principal;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Change one's own tags to satisfy, or escape, the conditions of attribute-based policies: {@code aws:PrincipalTag}
 * is the tags of the principal making the request (IAM User Guide, "Controlling access to and for IAM users and
 * roles using tags"; "Define permissions based on attributes with ABAC authorization"), so a user allowed
 * iam:TagUser on itself, or a role iam:TagRole on itself, gives itself whatever tag a condition asks for; removing a
 * tag (iam:UntagUser, iam:UntagRole) escapes a Deny that tests it.
 *
 * <p>Only tag keys some policy of the snapshot reads ({@link TagKeysRead}) are tried, each in its own request
 * ({@link TagRequests}). A key the attacker may set takes a value it chooses: {@code aws:PrincipalTag/KEY} becomes
 * unknown, and what depends on it conditional; a key it may remove is gone. The attacker so changed is then asked
 * again: admin-equivalent (a SELF use); the roles it can now assume; and every other technique, of which the uses
 * the attacker did not have definitely before are reported under this technique's id, with the tagging requests
 * first in the evidence. On a role the attacker can assume (role variants), only admin-equivalence is asked
 * (the edge yields admin on that role).
 *
 * <p>Not modelled: the principal's own tags as a resource ({@code aws:ResourceTag} when it acts on itself) keep
 * their recorded values; other principals' tags than its own and its assumable roles'; session tags
 * (sts:TagSession).
 */
final class OwnTagsTechnique implements Technique, Retagging {
    private final TechniqueInfo info;
    private final boolean roles;
    private final boolean untag;

    private OwnTagsTechnique(TechniqueInfo info, boolean roles, boolean untag) {
        this.info = info;
        this.roles = roles;
        this.untag = untag;
    }

    static OwnTagsTechnique tagUser() {
        return new OwnTagsTechnique(new TechniqueInfo("iam-tag-user", "iam:TagUser on itself",
                "tag its own user with the tag an attribute-based policy asks for",
                List.of("iam:TagUser"), TargetKind.SELF, "what the new tag lets it do",
                List.of(Refs.COMPOSED)), false, false);
    }

    static OwnTagsTechnique untagUser() {
        return new OwnTagsTechnique(new TechniqueInfo("iam-untag-user", "iam:UntagUser on itself",
                "remove a tag of its own user that an attribute-based policy denies on",
                List.of("iam:UntagUser"), TargetKind.SELF, "what the tag kept it from",
                List.of(Refs.COMPOSED)), false, true);
    }

    static OwnTagsTechnique tagRole() {
        return new OwnTagsTechnique(new TechniqueInfo("iam-tag-role", "iam:TagRole on its own role or one it can assume",
                "tag its own role, or a role it can assume, with the tag an attribute-based policy asks for",
                List.of("iam:TagRole"), TargetKind.SELF, "what the new tag lets the role do",
                List.of(Refs.COMPOSED)), true, false);
    }

    static OwnTagsTechnique untagRole() {
        return new OwnTagsTechnique(new TechniqueInfo("iam-untag-role",
                "iam:UntagRole on its own role or one it can assume",
                "remove a tag of its own role, or of a role it can assume, that an attribute-based policy denies on",
                List.of("iam:UntagRole"), TargetKind.SELF, "what the tag kept the role from",
                List.of(Refs.COMPOSED)), true, true);
    }

    @Override
    public TechniqueInfo info() {
        return info;
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        Principal self = a.principal();
        if (roles ? self instanceof Role : self instanceof User) {
            TagRequests.Changes own = changes(a, self, ctx);
            if (!own.none()) {
                onSelf(a, own, ctx, out);
            }
        }
        if (roles) {
            for (Role r : ctx.assumable(a)) {
                if (!r.arn().equals(a.arn()) && !r.serviceLinked() && !ctx.admin(r.arn())) {
                    onAssumable(a, r, ctx, out);
                }
            }
        }
    }

    /** The keys the attacker may change on the principal: any key policies read, or (untag) one it holds. */
    private TagRequests.Changes changes(Actor a, Principal p, TechniqueContext ctx) {
        TagKeysRead read = ctx.inventory().tagKeysRead();
        List<String> keys = untag
                ? p.tags().keySet().stream().filter(read::readsPrincipalTag).sorted().toList()
                : read.principalKeys();
        if (keys.isEmpty()) {
            return new TagRequests.Changes(List.of(), List.of());
        }
        return TagRequests.allowed(ctx.checker(), a, info.requiredActions().get(0), p.arn(), keys, untag);
    }

    private Actor changed(AccessChecker c, Actor who, TagRequests.Changes ch) {
        Set<String> keys = new HashSet<>(ch.keys());
        return untag ? c.retagged(who, Set.of(), keys) : c.retagged(who, keys, Set.of());
    }

    private void onSelf(Actor a, TagRequests.Changes ch, TechniqueContext ctx, Consumer<Escalation> out) {
        AccessChecker c = ctx.checker();
        Actor t = changed(c, a, ch);
        AdminStatus admin = AdminCheck.of(c, t);
        if (admin.admin()) {
            out.accept(escalation(ch, admin.evidence(), a.arn(), true));
            if (!admin.conditional()) {
                return; // an admin reaches everything of its account through the account node
            }
        }
        // The roles it can assume with its new tags; those it could not before are new edges.
        Set<String> before = new HashSet<>();
        ctx.assumable(a).forEach(r -> before.add(r.arn()));
        List<Role> reach = new ArrayList<>();
        Targets<Role> candidates = ctx.targets("roles but service-linked",
                () -> ctx.inventory().roles().stream().filter(r -> !r.serviceLinked()).toList(), Role::arn);
        c.forEachAllowed(t, "sts:AssumeRole", candidates, (r, e) -> {
            if (!r.arn().equals(a.arn())) {
                reach.add(r);
                if (!before.contains(r.arn())) {
                    out.accept(escalation(ch, List.of(e), r.arn(), false));
                }
            }
            return true;
        });
        // Every other technique again, for the changed attacker.
        TechniqueContext changedCtx = new RetaggedContext(ctx, t, reach);
        for (Technique other : ctx.techniques()) {
            if (other instanceof Retagging || !runsFor(other, a, ctx)) {
                continue;
            }
            Set<String> had = new HashSet<>();
            other.find(a, ctx, e -> {
                if (e.evidence().stream().noneMatch(Evidence::conditional)) {
                    had.add(e.target() + " " + e.yieldsAdmin());
                }
            });
            other.find(t, changedCtx, e -> {
                if (!had.contains(e.target() + " " + e.yieldsAdmin())) {
                    out.accept(escalation(ch, e.evidence(), e.target(), e.yieldsAdmin()));
                }
            });
        }
    }

    /** Tagging a role it can assume: an edge to the role when its new tags make it admin-equivalent. */
    private void onAssumable(Actor a, Role r, TechniqueContext ctx, Consumer<Escalation> out) {
        TagRequests.Changes ch = changes(a, r, ctx);
        if (ch.none()) {
            return;
        }
        AccessChecker c = ctx.checker();
        Actor role = c.actor(new PrincipalRef(PrincipalRef.Kind.ROLE, r, r.accountId(), null, null));
        AdminStatus admin = AdminCheck.of(c, changed(c, role, ch));
        if (admin.admin()) {
            out.accept(escalation(ch, admin.evidence(), r.arn(), true));
        }
    }

    /** Whether the build would run the technique for the attacker (the same test as the graph builder's). */
    private static boolean runsFor(Technique t, Actor a, TechniqueContext ctx) {
        return t.info().requiredActions().stream().allMatch(x -> ctx.checker().mentions(a, x)
                || (t.grantableByResourcePolicy() && ctx.inventory().resourcePolicyMayAllow(x)));
    }

    private Escalation escalation(TagRequests.Changes ch, List<Evidence> then, String target, boolean yieldsAdmin) {
        List<Evidence> evidence = new ArrayList<>(ch.evidence());
        evidence.addAll(then);
        return new Escalation(info.id(), target, evidence, yieldsAdmin);
    }
}
