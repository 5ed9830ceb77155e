package io.iamscope.graph;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.AdminCheck;
import io.iamscope.access.AdminStatus;
import io.iamscope.access.Inventory;
import io.iamscope.access.TargetFacts;
import io.iamscope.access.Targets;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.PolicySet;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Group;
import io.iamscope.model.Principal;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link TechniqueContext} of one graph build: the engine checks, the snapshot facts, the trust index, and
 * what the build's earlier phases found (admins, each actor's assumable roles). Thread-safe.
 */
final class BuildContext implements TechniqueContext {
    private final AccessChecker checker;
    private final Inventory inventory;
    private final TrustIndex trust;
    private final TargetFacts facts;
    private final Set<String> knownAdmins;
    private final Map<String, List<Role>> assumable;
    private final Map<Group, PolicySet> groupSets = new ConcurrentHashMap<>();
    private final Map<String, Object> derived = new ConcurrentHashMap<>();
    private final Map<String, Targets<?>> targets = new ConcurrentHashMap<>();
    private final List<Technique> techniques;

    BuildContext(AccessChecker checker, Inventory inventory, TrustIndex trust, TargetFacts facts,
                 Set<String> knownAdmins, Map<String, List<Role>> assumable, List<Technique> techniques) {
        this.checker = checker;
        this.inventory = inventory;
        this.trust = trust;
        this.facts = facts;
        this.knownAdmins = Set.copyOf(knownAdmins);
        this.assumable = assumable;
        this.techniques = List.copyOf(techniques);
    }

    @Override
    public List<Technique> techniques() {
        return techniques;
    }

    @Override
    public AccessChecker checker() {
        return checker;
    }

    @Override
    public Inventory inventory() {
        return inventory;
    }

    @Override
    public boolean admin(String arn) {
        return knownAdmins.contains(arn);
    }

    @Override
    public List<Role> assumable(Actor attacker) {
        return assumable.getOrDefault(attacker.arn(), List.of());
    }

    @Override
    public Targets<User> usersAdminFirst(String account) {
        return targets("users " + account, () -> inventory.users(account).stream()
                .sorted(Comparator.comparing(u -> !knownAdmins.contains(u.arn()))).toList(), User::arn);
    }

    @Override
    public Targets<Role> editableRolesAdminFirst(String account) {
        return targets("roles " + account, () -> inventory.roles(account).stream().filter(r -> !r.serviceLinked())
                .sorted(Comparator.comparing(r -> !knownAdmins.contains(r.arn()))).toList(), Role::arn);
    }

    @Override
    public List<Targets<Role>> assumeCandidates(Principal caller, String account) {
        Comparator<Role> adminsFirst = Comparator.comparing(r -> !knownAdmins.contains(r.arn()));
        Targets<Role> named = targetsOnce(trust.naming(caller.arn()).stream()
                .filter(r -> r.accountId().equals(account) && !r.serviceLinked()).sorted(adminsFirst).toList(), Role::arn);
        Targets<Role> shared = targets("shared assume candidates " + caller.accountId() + " " + account, () -> trust
                .sharedCandidates(caller.accountId()).stream()
                .filter(r -> r.accountId().equals(account) && !r.serviceLinked()).sorted(adminsFirst).toList(), Role::arn);
        return List.of(named, shared);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Targets<T> targets(String key, Supplier<List<T>> items, Function<T, String> arnOf) {
        return (Targets<T>) targets.computeIfAbsent(key, k -> new Targets<>(items.get(), arnOf, facts, inventory.arns()));
    }

    @Override
    public <T> Targets<T> targetsOnce(List<T> items, Function<T, String> arnOf) {
        return new Targets<>(items, arnOf, facts, inventory.arns());
    }

    @Override
    public Targets<Role> serviceRoles(Actor a, String service, boolean profilesOnly) {
        return targets("service " + service + " " + a.account() + " " + profilesOnly, () -> trust
                .trusting(service, a.account()).stream()
                .filter(r -> !r.serviceLinked() && (!profilesOnly || !r.instanceProfiles().isEmpty())).toList(),
                Role::arn);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T perAttacker(Actor attacker, String key, Supplier<T> make) {
        return (T) derived.computeIfAbsent(attacker.arn() + "\n" + key, k -> make.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T perBuild(String key, Supplier<T> make) {
        return (T) derived.computeIfAbsent("build\n" + key, k -> make.get());
    }

    @Override
    public boolean groupMentions(Group g, String action) {
        PolicySet set = groupSets.computeIfAbsent(g, k -> PolicySet.builder().identity(inventory.policiesOf(k)).build());
        return checker.mayAllow(set, action);
    }

    @Override
    public AdminStatus adminWith(Actor a, List<AttachedPolicy> more, String how) {
        PolicySet own = a.callerSet();
        PolicySet set = PolicySet.builder().identity(own.identity()).identity(more).boundary(own.boundary())
                .scps(own.scps()).build();
        return AdminCheck.with(checker, a, set, how);
    }

    @Override
    public AdminStatus adminWithoutBoundary(Actor a, String how) {
        PolicySet own = a.callerSet();
        PolicySet set = PolicySet.builder().identity(own.identity()).scps(own.scps()).build();
        return AdminCheck.with(checker, a, set, how);
    }
}
