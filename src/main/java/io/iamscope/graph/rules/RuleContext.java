package io.iamscope.graph.rules;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.PolicySet;
import io.iamscope.graph.Actor;
import io.iamscope.graph.AdminCheck;
import io.iamscope.graph.AdminStatus;
import io.iamscope.graph.Checker;
import io.iamscope.graph.Inventory;
import io.iamscope.graph.Targets;
import io.iamscope.graph.TrustIndex;
import io.iamscope.model.Group;
import io.iamscope.model.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import io.iamscope.model.User;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/** What techniques look at: the engine checks, the snapshot facts and the trust index. Thread-safe. */
public final class RuleContext {
    private final Checker checker;
    private final Inventory inventory;
    private final TrustIndex trust;
    private final Map<Group, PolicySet> groupSets = new ConcurrentHashMap<>();
    private final Set<String> knownAdmins;
    private final Map<String, Targets<?>> targets = new ConcurrentHashMap<>();
    private final Targets.FactsCache facts;
    private final Map<String, Boolean> resourcePolicyAllows = new ConcurrentHashMap<>();

    public RuleContext(Checker checker, Inventory inventory, TrustIndex trust, Set<String> knownAdmins) {
        this.checker = checker;
        this.inventory = inventory;
        this.trust = trust;
        this.knownAdmins = Set.copyOf(knownAdmins);
        this.facts = Targets.FactsCache.shared(inventory.index());
    }

    /** Whether the principal is admin-equivalent by its own permissions (definitely or conditionally). */
    boolean admin(String arn) {
        return knownAdmins.contains(arn);
    }

    /**
     * The users of an account, admins first: a technique that reaches one of them reaches
     * the whole account through the account node, and stops there.
     */
    Targets<User> usersAdminFirst(String account) {
        return targets("users " + account, () -> inventory.users(account).stream()
                .sorted(Comparator.comparing(u -> !knownAdmins.contains(u.arn()))).toList(), User::arn);
    }

    /**
     * The roles of an account whose trust policy can be rewritten, admins first: not service-linked ones
     * (IAM User Guide: "Using service-linked roles").
     */
    Targets<Role> editableRolesAdminFirst(String account) {
        return targets("roles " + account, () -> inventory.roles(account).stream().filter(r -> !r.serviceLinked())
                .sorted(Comparator.comparing(r -> !knownAdmins.contains(r.arn()))).toList(), Role::arn);
    }

    /**
     * A list of targets built once and shared by every actor (the key names it), so that the engine's
     * classes of targets are computed against the same list.
     */
    @SuppressWarnings("unchecked")
    <T> Targets<T> targets(String key, Supplier<List<T>> items, Function<T, String> arnOf) {
        return (Targets<T>) targets.computeIfAbsent(key, k -> new Targets<>(items.get(), arnOf, facts, inventory.arns()));
    }

    public Checker checker() {
        return checker;
    }

    public Inventory inventory() {
        return inventory;
    }

    public TrustIndex trust() {
        return trust;
    }

    /**
     * Roles of the attacker's account that trust the service and can be passed (not service-linked), and
     * with {@code profilesOnly} only those in an instance profile; whether the service may assume them is
     * checked apart.
     */
    Targets<Role> serviceRoles(Actor a, String service, boolean profilesOnly) {
        return targets("service " + service + " " + a.account() + " " + profilesOnly, () -> trust
                .trusting(service, a.account()).stream()
                .filter(r -> !r.serviceLinked() && (!profilesOnly || !r.instanceProfiles().isEmpty())).toList(),
                Role::arn);
    }

    /**
     * Whether an Allow of some resource policy of the snapshot names the action (resources and principals
     * aside): a necessary condition for a resource policy to grant it to anyone.
     */
    public boolean resourcePolicyMayAllow(String action) {
        return resourcePolicyAllows.computeIfAbsent(action.toLowerCase(java.util.Locale.ROOT), a -> {
            for (io.iamscope.model.Account account : inventory.index().snapshot().accounts()) {
                for (io.iamscope.model.Resource r : account.resources()) {
                    if (r.policy() == null) {
                        continue;
                    }
                    for (io.iamscope.policy.Statement s : r.policy().statements()) {
                        if (s.effect() == io.iamscope.policy.Effect.ALLOW && s.action() != null
                                && io.iamscope.eval.match.ActionMatcher.compile(s.action()).matches(a)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        });
    }

    /** Whether any Allow of the group's own policies names the action. */
    boolean groupMentions(Group g, String action) {
        PolicySet set = groupSets.computeIfAbsent(g, k -> PolicySet.builder().identity(inventory.policiesOf(k)).build());
        return checker.mayAllow(set, action);
    }

    /** Whether the attacker would be admin-equivalent holding these policies too. */
    AdminStatus adminWith(Actor a, List<AttachedPolicy> more, String how) {
        PolicySet own = a.callerSet();
        PolicySet set = PolicySet.builder().identity(own.identity()).identity(more).boundary(own.boundary())
                .scps(own.scps()).build();
        return AdminCheck.with(checker, a, set, how);
    }

    /** Whether the attacker would be admin-equivalent without its permissions boundary. */
    AdminStatus adminWithoutBoundary(Actor a, String how) {
        PolicySet own = a.callerSet();
        PolicySet set = PolicySet.builder().identity(own.identity()).scps(own.scps()).build();
        return AdminCheck.with(checker, a, set, how);
    }
}
