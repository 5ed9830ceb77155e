package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.AdminStatus;
import io.iamscope.access.Inventory;
import io.iamscope.access.Targets;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Group;
import io.iamscope.model.Principal;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The build's context as an attacker that changed its own tags sees it: the roles it can assume are the ones
 * found for it with its new tags (the build found the others' before the techniques ran); everything else is the
 * build's.
 */
final class RetaggedContext implements TechniqueContext {
    private final TechniqueContext build;
    private final Actor retagged;
    private final List<Role> assumable;
    private final Map<String, Object> own = new ConcurrentHashMap<>();

    RetaggedContext(TechniqueContext build, Actor retagged, List<Role> assumable) {
        this.build = build;
        this.retagged = retagged;
        this.assumable = List.copyOf(assumable);
    }

    @Override
    public AccessChecker checker() {
        return build.checker();
    }

    @Override
    public Inventory inventory() {
        return build.inventory();
    }

    @Override
    public boolean admin(String arn) {
        return build.admin(arn);
    }

    @Override
    public List<Role> assumable(Actor attacker) {
        return attacker == retagged ? assumable : build.assumable(attacker);
    }

    @Override
    public Targets<User> usersAdminFirst(String account) {
        return build.usersAdminFirst(account);
    }

    @Override
    public Targets<Role> editableRolesAdminFirst(String account) {
        return build.editableRolesAdminFirst(account);
    }

    @Override
    public List<Targets<Role>> assumeCandidates(Principal caller, String account) {
        return build.assumeCandidates(caller, account);
    }

    @Override
    public Targets<Role> serviceRoles(Actor attacker, String service, boolean profilesOnly) {
        return build.serviceRoles(attacker, service, profilesOnly);
    }

    @Override
    public <T> Targets<T> targets(String key, Supplier<List<T>> items, Function<T, String> arnOf) {
        return build.targets(key, items, arnOf);
    }

    @Override
    public <T> Targets<T> targetsOnce(List<T> items, Function<T, String> arnOf) {
        return build.targetsOnce(items, arnOf);
    }

    /** The retagged attacker's own facts are its own: the build's were derived with its old tags. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T perAttacker(Actor attacker, String key, Supplier<T> make) {
        return attacker == retagged ? (T) own.computeIfAbsent(key, k -> make.get())
                : build.perAttacker(attacker, key, make);
    }

    @Override
    public <T> T perBuild(String key, Supplier<T> make) {
        return build.perBuild(key, make);
    }

    @Override
    public boolean groupMentions(Group group, String action) {
        return build.groupMentions(group, action);
    }

    @Override
    public AdminStatus adminWith(Actor attacker, List<AttachedPolicy> more, String how) {
        return build.adminWith(attacker, more, how);
    }

    @Override
    public AdminStatus adminWithoutBoundary(Actor attacker, String how) {
        return build.adminWithoutBoundary(attacker, how);
    }

    @Override
    public List<Technique> techniques() {
        return build.techniques();
    }
}
