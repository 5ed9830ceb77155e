package io.iamscope.graph.rules;

import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.InstanceProfile;
import io.iamscope.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A pass-role technique that is pure data: a row of {@link PassRoleTable}. The attacker passes a role that
 * trusts {@code service} to something new it creates with {@code actions} (each checked on a new resource of
 * its choosing), and the service then runs the attacker's code or template with the role.
 */
final class PassRoleToService extends PassRoleTechnique {
    private final TechniqueInfo info;
    private final String service;
    private final List<String> actions;
    private final boolean passedToServiceDocumented;
    private final boolean instanceProfilesOnly;
    private final List<String> attackerKeys;
    private final ServiceLinkedRole serviceLinkedRole;
    private final List<RoleKey> roleKeys;

    private static final String PROFILE_KEY = "ec2:InstanceProfile";

    /**
     * The request keys AWS sets to the role passed in an action's request: the role's ARN, or for
     * {@code ec2:InstanceProfile} the ARN of its instance profile (Service Authorization Reference: EC2, resource type
     * instance; CloudFormation, {@code cloudformation:RoleArn}; CodeBuild, {@code codebuild:serviceRole}).
     */
    record RoleKey(String action, List<String> keys) {
        RoleKey {
            keys = List.copyOf(keys);
        }

        /** The values the keys take for one role: one per instance profile, or the role's ARN. */
        List<String> values(Role role) {
            return keys.contains(PROFILE_KEY) ? role.instanceProfiles().stream().map(InstanceProfile::arn).toList()
                    : List.of(role.arn());
        }
    }

    private PassRoleToService(TechniqueInfo info, String service, List<String> actions,
                              boolean passedToServiceDocumented, boolean instanceProfilesOnly,
                              List<String> attackerKeys, ServiceLinkedRole serviceLinkedRole, List<RoleKey> roleKeys) {
        this.info = info;
        this.service = service;
        this.actions = List.copyOf(actions);
        this.passedToServiceDocumented = passedToServiceDocumented;
        this.instanceProfilesOnly = instanceProfilesOnly;
        this.attackerKeys = List.copyOf(attackerKeys);
        this.serviceLinkedRole = serviceLinkedRole;
        this.roleKeys = List.copyOf(roleKeys);
    }

    /**
     * A row: its id, the service principal the passed role must trust, the actions besides iam:PassRole, what
     * the attacker does (one sentence) and who documents it.
     */
    static PassRoleToService row(String id, String service, List<String> actions, String summary, List<String> refs) {
        List<String> required = new ArrayList<>(List.of("iam:PassRole"));
        required.addAll(actions);
        TechniqueInfo info = new TechniqueInfo(id, String.join(" + ", required), summary, required, TargetKind.ROLE,
                "the permissions of the passed role", refs);
        return new PassRoleToService(info, service, actions, true, false, List.of(), null, List.of());
    }

    /** Only roles in an instance profile can be given to an instance (EC2 User Guide: "IAM roles for Amazon EC2"). */
    PassRoleToService toInstanceProfilesOnly() {
        return new PassRoleToService(info, service, actions, passedToServiceDocumented, true, attackerKeys,
                serviceLinkedRole, roleKeys);
    }

    /**
     * AWS documents no value of {@code iam:PassedToService} for this service: the key is unknown, so a policy
     * testing it makes the edge conditional, never dropped.
     */
    PassRoleToService withPassedToServiceUndocumented() {
        return new PassRoleToService(info, service, actions, false, instanceProfilesOnly, attackerKeys,
                serviceLinkedRole, roleKeys);
    }

    /**
     * Request keys of the actions whose value the attacker picks (the principal a function policy names): unknown
     * in their checks, so a policy testing one makes the edge conditional, never dropped.
     */
    PassRoleToService withAttackerKeys(String... keys) {
        return new PassRoleToService(info, service, actions, passedToServiceDocumented, instanceProfilesOnly,
                List.of(keys), serviceLinkedRole, roleKeys);
    }

    /** The service needs its service-linked role in the account: present, or created with the attacker's permission. */
    PassRoleToService withServiceLinkedRole(String principal, String name) {
        return new PassRoleToService(info, service, actions, passedToServiceDocumented, instanceProfilesOnly,
                attackerKeys, new ServiceLinkedRole(principal, name), roleKeys);
    }

    /**
     * The action's request names the passed role, and AWS sets {@code keys} to it: the action is checked once per
     * role with the keys set (for each of the role's instance profiles, the first that allows).
     */
    PassRoleToService withRoleKey(String action, String... keys) {
        List<RoleKey> all = new ArrayList<>(roleKeys);
        all.add(new RoleKey(action, List.of(keys)));
        return new PassRoleToService(info, service, actions, passedToServiceDocumented, instanceProfilesOnly,
                attackerKeys, serviceLinkedRole, all);
    }

    @Override
    public TechniqueInfo info() {
        return info;
    }

    @Override
    String service() {
        return service;
    }

    @Override
    List<String> actions() {
        return actions;
    }

    @Override
    boolean passedToServiceDocumented() {
        return passedToServiceDocumented;
    }

    @Override
    boolean instanceProfilesOnly() {
        return instanceProfilesOnly;
    }

    @Override
    Evidence checkAction(Actor a, TechniqueContext ctx, String action) {
        return attackerKeys.isEmpty() ? super.checkAction(a, ctx, action)
                : ctx.checker().checkNew(a, action, context(ctx).build());
    }

    /** The attacker's context with the keys it picks unknown. */
    private RequestContext.Builder context(TechniqueContext ctx) {
        RequestContext.Builder b = ctx.checker().base().toBuilder();
        attackerKeys.forEach(b::unknown);
        return b;
    }

    @Override
    boolean perRole(String action) {
        return roleKeys.stream().anyMatch(k -> k.action().equals(action));
    }

    /**
     * Each action whose request names the role is first checked with its keys unknown: refused so, no role can
     * help; allowed definitely so, the keys decide nothing and that check stands for every role; else it is checked
     * once per role with the keys set.
     */
    @Override
    BiPredicate<Role, Steps> prepare(Actor a, TechniqueContext ctx, Steps steps) {
        List<RoleKey> perRole = new ArrayList<>();
        List<Evidence> anyRole = new ArrayList<>();
        for (RoleKey k : roleKeys) {
            RequestContext.Builder b = context(ctx);
            k.keys().forEach(b::unknown);
            Evidence unknown = ctx.checker().checkNew(a, k.action(), b.build());
            if (!unknown.allows()) {
                return null;
            }
            if (unknown.conditional()) {
                perRole.add(k);
            } else {
                anyRole.add(unknown);
            }
        }
        if (serviceLinkedRole != null && !serviceLinkedRole.presentOrCreatable(a, ctx, steps)) {
            return null;
        }
        return (role, s) -> {
            anyRole.forEach(s::allow);
            return perRole.stream().allMatch(k -> Alternatives.first(k.values(role), s, (value, t) -> {
                RequestContext.Builder b = context(ctx);
                k.keys().forEach(key -> b.put(key, value));
                return t.allow(ctx.checker().checkNew(a, k.action(), b.build()));
            }));
        };
    }
}
