package io.iamscope.graph.rules;

import io.iamscope.access.AllowedClasses;
import io.iamscope.access.Evidence;
import io.iamscope.access.Targets;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.model.Role;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.access.Actor;
import io.iamscope.model.Group;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.PolicyVersion;
import io.iamscope.model.Principal;
import io.iamscope.model.User;
import io.iamscope.policy.Effect;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The customer managed policies whose content an attacker would change (by a new default version or by
 * switching the default version) and where that leads: policies attached to itself or its own groups (SELF,
 * when no boundary caps it), and policies attached to a role it can assume (that role, yielding admin).
 */
final class PolicyVersions {
    private PolicyVersions() {
    }

    /** A policy to change, and the principal the change gives arbitrary permissions to. */
    record Target(ManagedPolicy policy, String principal) {
    }

    /** Calls {@code use} for each policy held by the attacker or a role it can assume. */
    static void targets(Actor a, TechniqueContext ctx, Predicate<ManagedPolicy> usable, Consumer<Target> use) {
        if (Own.unbounded(a.principal())) {
            List<Principal> own = new ArrayList<>();
            own.add(a.principal());
            own.addAll(Own.groups(a, ctx));
            for (Principal p : own) {
                for (String arn : p.attachedPolicyArns()) {
                    ManagedPolicy m = ctx.inventory().managedPolicy(arn);
                    if (m != null && !m.isAwsManaged() && usable.test(m)) {
                        use.accept(new Target(m, a.arn()));
                    }
                }
            }
        }
        for (Role r : Own.reachableUnboundedRoles(a, ctx)) {
            for (String arn : r.attachedPolicyArns()) {
                ManagedPolicy m = ctx.inventory().managedPolicy(arn);
                if (m != null && !m.isAwsManaged() && usable.test(m)) {
                    use.accept(new Target(m, r.arn()));
                }
            }
        }
    }

    /**
     * The customer managed policies attached to roles of the attacker's account that it cannot assume now but
     * can make assumable by rewriting their trust ({@link TrustRewrite}, checklist row 68): the policies on which
     * {@code action} is allowed are found per class, then a holder role whose trust it can rewrite; one holder
     * stands for the others, and of the uses the first conditional and the first definite one are kept
     * ({@link UntilDefinite}).
     */
    static void rewrittenRoles(Actor a, TechniqueContext ctx, Predicate<ManagedPolicy> usable, String action,
                               String id, Consumer<Escalation> out) {
        if (!ctx.checker().mayMatchAnyUnder(a, action, "arn:aws:iam::" + a.account() + ":policy/")
                || !TrustRewrite.mayRewriteAny(a, ctx) || TrustRewrite.rewritable(a, ctx).isEmpty()) {
            return;
        }
        Set<String> assumable = new HashSet<>();
        Own.reachableUnboundedRoles(a, ctx).forEach(r -> assumable.add(r.arn()));
        HeldPolicies held = HeldPolicies.of(ctx, a.account(), id, usable);
        TrustRewrite.Rewritable rewritable = TrustRewrite.rewritable(a, ctx);
        BitSet candidates = new BitSet();
        for (int c = 0; c < rewritable.classes().size(); c++) {
            // Policies held by the roles of a class: the same classes recur for many attackers, computed once.
            candidates.or(held.heldByAny(rewritable.roles(), rewritable.classes().positions(c)));
        }
        if (candidates.isEmpty()) {
            return;
        }
        UntilDefinite uses = new UntilDefinite(out);
        AllowedClasses written = ctx.checker().allowedClasses(a, action, held.policies(), ctx.checker().contextOf(a));
        for (int w = 0; w < written.size(); w++) {
            BitSet both = (BitSet) written.positions(w).clone();
            both.and(candidates);
            for (int p = both.nextSetBit(0); p >= 0; p = both.nextSetBit(p + 1)) {
                Evidence write = written.evidenceFor(w, held.policies().arn(p));
                Boolean go = rewrittenHolder(a, ctx, held, p, assumable, write, id, uses);
                if (go != null) {
                    if (!go) {
                        return;
                    }
                    break; // one use per class of policies
                }
            }
        }
    }

    /**
     * A holder role of the policy at the position whose trust the attacker can rewrite, offered; null when none
     * of its holders can be taken so, else whether to go on looking.
     */
    private static Boolean rewrittenHolder(Actor a, TechniqueContext ctx, HeldPolicies held, int position,
                                           Set<String> assumable, Evidence written, String id, UntilDefinite uses) {
        for (Principal holder : held.holders(position)) {
            if (holder instanceof Role r && Own.writable(r) && !assumable.contains(r.arn())) {
                Evidence rewritten = TrustRewrite.rewrite(a, ctx, r);
                if (rewritten == null) {
                    continue;
                }
                if (uses.offeredAlike(written.condition(), rewritten.condition())) {
                    return true;
                }
                List<Evidence> rewrite = TrustRewrite.steps(a, ctx, r);
                if (rewrite != null) {
                    Steps s = Steps.after(rewrite);
                    s.allow(written);
                    return uses.offer(s, id, r.arn(), written.condition(), rewritten.condition());
                }
            }
        }
        return null;
    }

    /**
     * The policies held by other users of the attacker's account (attached to them or to a group of theirs) whose
     * credentials it can obtain (checklist row 69): the change gives such a user arbitrary permissions, and the
     * attacker acts as it. The policies on which {@code action} is allowed are found per class and intersected
     * with those such users hold; one holder stands for the others, and of the uses the first conditional and the
     * first definite one are kept ({@link UntilDefinite}).
     */
    static void otherUsers(Actor a, TechniqueContext ctx, Predicate<ManagedPolicy> usable, String action, String id,
                           Consumer<Escalation> out) {
        if (!Credentials.mayObtainAny(a, ctx)
                || !ctx.checker().mayMatchAnyUnder(a, action, "arn:aws:iam::" + a.account() + ":policy/")) {
            return;
        }
        Credentials.Obtainable credentials = Credentials.obtainable(a, ctx);
        if (credentials.isEmpty()) {
            return;
        }
        HeldPolicies held = HeldPolicies.of(ctx, a.account(), id, usable);
        BitSet candidates = new BitSet();
        int self = a.principal() instanceof User me ? credentials.users().indexOf(me) : -1;
        for (BitSet users : credentials.classes()) {
            // Policies held by the users of a class: the same classes recur for many attackers, computed once;
            // the attacker itself is not another user.
            if (self >= 0 && users.get(self)) {
                users = (BitSet) users.clone();
                users.clear(self);
            }
            candidates.or(held.heldByAny(credentials.users(), users));
        }
        if (candidates.isEmpty()) {
            return;
        }
        UntilDefinite uses = new UntilDefinite(out);
        AllowedClasses written = ctx.checker().allowedClasses(a, action, held.policies(), ctx.checker().contextOf(a));
        for (int w = 0; w < written.size(); w++) {
            BitSet both = (BitSet) written.positions(w).clone();
            both.and(candidates);
            int p = both.nextSetBit(0);
            if (p < 0) {
                continue;
            }
            Evidence write = written.evidenceFor(w, held.policies().arn(p));
            for (Principal holder : held.holders(p)) {
                if (holder instanceof User u && !u.arn().equals(a.arn()) && Own.unbounded(u)) {
                    Evidence obtained = credentials.of(u);
                    if (obtained == null || uses.offeredAlike(write.condition(), obtained.condition())) {
                        continue;
                    }
                    Steps s = new Steps();
                    s.allow(write);
                    s.allow(obtained);
                    if (!uses.offer(s, id, u.arn(), write.condition(), obtained.condition())) {
                        return;
                    }
                    break;
                }
            }
        }
    }

    /**
     * Whether a version other than the default allows every action or every IAM action (what setting it as
     * default would give; a plain reading of the document, not an evaluation).
     */
    static boolean hasBroaderVersion(ManagedPolicy m) {
        PolicyVersion current = m.defaultVersion();
        for (PolicyVersion v : m.versions()) {
            if (v == current || v.document() == null) {
                continue;
            }
            for (Statement s : v.document().statements()) {
                if (s.effect() == Effect.ALLOW && s.action() != null && !s.action().negated()
                        && s.action().patterns().stream().anyMatch(p -> p.equals("*") || p.equalsIgnoreCase("iam:*"))) {
                    return true;
                }
            }
        }
        return false;
    }

}
