package io.iamscope.graph.technique;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.AdminStatus;
import io.iamscope.access.Inventory;
import io.iamscope.access.Targets;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.model.Group;
import io.iamscope.model.Principal;
import io.iamscope.model.Role;
import io.iamscope.model.User;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a technique may look at while the graph is built: the engine checks, the snapshot facts, the target
 * lists shared by every attacker, and what the build found before the techniques ran (admin-equivalent
 * principals, the roles each attacker can assume). Thread-safe.
 */
public interface TechniqueContext {
    AccessChecker checker();

    Inventory inventory();

    /** Whether the principal is admin-equivalent by its own permissions (definitely or conditionally). */
    boolean admin(String arn);

    /** The roles the attacker can assume directly (possibly conditionally), found before the techniques ran. */
    List<Role> assumable(Actor attacker);

    /**
     * The users of an account, admins first: a technique that reaches one of them reaches the whole account
     * through the account node, and stops there.
     */
    Targets<User> usersAdminFirst(String account);

    /**
     * The roles of an account whose trust policy can be rewritten, admins first: not service-linked ones (IAM
     * User Guide: "Using service-linked roles").
     */
    Targets<Role> editableRolesAdminFirst(String account);

    /**
     * The roles of an account a user or role might assume, administrators first: those whose trust policy names it,
     * its account, or anyone (the only ones it can assume, as the graph's assume phase finds them), not
     * service-linked ones; as two lists, those naming it (built for this call) and those trusting its account or
     * anyone (shared by every caller of that account), which may overlap.
     */
    List<Targets<Role>> assumeCandidates(Principal caller, String account);

    /**
     * Roles of the attacker's account that trust the service and can be passed (not service-linked), and with
     * {@code profilesOnly} only those in an instance profile; whether the service may assume them is checked
     * apart.
     */
    Targets<Role> serviceRoles(Actor attacker, String service, boolean profilesOnly);

    /**
     * A list of targets built once and shared by every attacker (the key names it), so that the engine's
     * classes of targets are computed against the same list.
     */
    <T> Targets<T> targets(String key, Supplier<List<T>> items, Function<T, String> arnOf);

    /** A list of targets for one attacker's step only (its own candidates), not kept. */
    <T> Targets<T> targetsOnce(List<T> items, Function<T, String> arnOf);

    /**
     * A fact about the attacker that several techniques derive (the users whose credentials it can obtain...),
     * made once per attacker and key for the whole build. {@code make} must depend only on the attacker and the
     * snapshot.
     */
    <T> T perAttacker(Actor attacker, String key, Supplier<T> make);

    /**
     * An index several attackers share (the policies each principal of an account holds...), made once per key
     * for the whole build; {@code make} must depend only on the snapshot.
     */
    <T> T perBuild(String key, Supplier<T> make);

    /** Whether any Allow of the group's own policies names the action. */
    boolean groupMentions(Group group, String action);

    /** Whether the attacker would be admin-equivalent holding these policies too. */
    AdminStatus adminWith(Actor attacker, List<AttachedPolicy> more, String how);

    /** Whether the attacker would be admin-equivalent without its permissions boundary. */
    AdminStatus adminWithoutBoundary(Actor attacker, String how);

    /**
     * The techniques of this build, in the order it runs them: a technique that changes what the attacker is (its
     * tags) runs the others again for the changed attacker.
     */
    List<Technique> techniques();
}
