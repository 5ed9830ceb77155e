package io.iamscope.graph.rules;

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
        UntilDefinite uses = new UntilDefinite(out);
        ctx.checker().forEachAllowed(a, action, held(ctx, a.account(), id, usable), (m, written) -> {
            for (Principal holder : ctx.inventory().holders(m.arn())) {
                Evidence rewritten = holder instanceof Role r ? TrustRewrite.rewrite(a, ctx, r) : null;
                if (rewritten != null && Own.writable((Role) holder) && !assumable.contains(holder.arn())) {
                    if (uses.offeredAlike(written.condition(), rewritten.condition())) {
                        return true;
                    }
                    Role r = (Role) holder;
                    List<Evidence> rewrite = TrustRewrite.steps(a, ctx, r);
                    if (rewrite != null) {
                        Steps s = Steps.after(rewrite);
                        s.allow(written);
                        return uses.offer(s, id, r.arn(), written.condition(), rewritten.condition());
                    }
                }
            }
            return true;
        });
    }

    /**
     * The policies held by other users of the attacker's account (attached to them or to a group of theirs) whose
     * credentials it can obtain (checklist row 69): the change gives such a user arbitrary permissions, and the
     * attacker acts as it. The policies on which {@code action} is allowed are found per class, then a holder
     * whose credentials it can obtain; one holder stands for the others, and of the uses the first conditional
     * and the first definite one are kept ({@link UntilDefinite}).
     */
    static void otherUsers(Actor a, TechniqueContext ctx, Predicate<ManagedPolicy> usable, String action, String id,
                           Consumer<Escalation> out) {
        if (!Credentials.mayObtainAny(a, ctx)
                || !ctx.checker().mayMatchAnyUnder(a, action, "arn:aws:iam::" + a.account() + ":policy/")
                || Credentials.obtainable(a, ctx).isEmpty()) {
            return;
        }
        UntilDefinite uses = new UntilDefinite(out);
        ctx.checker().forEachAllowed(a, action, held(ctx, a.account(), id, usable), (m, written) -> {
            for (Principal holder : ctx.inventory().holders(m.arn())) {
                List<User> users = holder instanceof User u ? List.of(u)
                        : holder instanceof Group g ? ctx.inventory().members(g) : List.of();
                for (User u : users) {
                    Evidence credentials = Own.unbounded(u) ? Credentials.obtain(a, ctx, u) : null;
                    if (credentials != null) {
                        if (uses.offeredAlike(written.condition(), credentials.condition())) {
                            return true;
                        }
                        Steps s = new Steps();
                        s.allow(written);
                        s.allow(credentials);
                        return uses.offer(s, id, u.arn(), written.condition(), credentials.condition());
                    }
                }
            }
            return true;
        });
    }

    /**
     * The customer managed policies of an account that some principal holds and that {@code usable} accepts,
     * in the snapshot's order: one list per account and technique, shared by every attacker.
     */
    private static Targets<ManagedPolicy> held(TechniqueContext ctx, String account, String id,
                                               Predicate<ManagedPolicy> usable) {
        return ctx.targets(id + " held policies " + account, () -> {
            List<ManagedPolicy> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            List<Principal> holders = new ArrayList<>(ctx.inventory().users(account));
            ctx.inventory().groups().stream().filter(g -> g.accountId().equals(account)).forEach(holders::add);
            holders.addAll(ctx.inventory().roles(account));
            for (Principal p : holders) {
                for (String arn : p.attachedPolicyArns()) {
                    ManagedPolicy m = ctx.inventory().managedPolicy(arn);
                    if (m != null && !m.isAwsManaged() && seen.add(arn) && usable.test(m)) {
                        out.add(m);
                    }
                }
            }
            return out;
        }, ManagedPolicy::arn);
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
