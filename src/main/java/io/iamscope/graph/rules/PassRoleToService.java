package io.iamscope.graph.rules;

import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import java.util.ArrayList;
import java.util.List;

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

    private PassRoleToService(TechniqueInfo info, String service, List<String> actions,
                              boolean passedToServiceDocumented, boolean instanceProfilesOnly,
                              List<String> attackerKeys, ServiceLinkedRole serviceLinkedRole) {
        this.info = info;
        this.service = service;
        this.actions = List.copyOf(actions);
        this.passedToServiceDocumented = passedToServiceDocumented;
        this.instanceProfilesOnly = instanceProfilesOnly;
        this.attackerKeys = List.copyOf(attackerKeys);
        this.serviceLinkedRole = serviceLinkedRole;
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
        return new PassRoleToService(info, service, actions, true, false, List.of(), null);
    }

    /** Only roles in an instance profile can be given to an instance (EC2 User Guide: "IAM roles for Amazon EC2"). */
    PassRoleToService toInstanceProfilesOnly() {
        return new PassRoleToService(info, service, actions, passedToServiceDocumented, true, attackerKeys,
                serviceLinkedRole);
    }

    /**
     * AWS documents no value of {@code iam:PassedToService} for this service: the key is unknown, so a policy
     * testing it makes the edge conditional, never dropped.
     */
    PassRoleToService withPassedToServiceUndocumented() {
        return new PassRoleToService(info, service, actions, false, instanceProfilesOnly, attackerKeys,
                serviceLinkedRole);
    }

    /**
     * Request keys of the actions whose value the attacker picks (the principal a function policy names): unknown
     * in their checks, so a policy testing one makes the edge conditional, never dropped.
     */
    PassRoleToService withAttackerKeys(String... keys) {
        return new PassRoleToService(info, service, actions, passedToServiceDocumented, instanceProfilesOnly,
                List.of(keys), serviceLinkedRole);
    }

    /** The service needs its service-linked role in the account: present, or created with the attacker's permission. */
    PassRoleToService withServiceLinkedRole(String principal, String name) {
        return new PassRoleToService(info, service, actions, passedToServiceDocumented, instanceProfilesOnly,
                attackerKeys, new ServiceLinkedRole(principal, name));
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
        if (attackerKeys.isEmpty()) {
            return super.checkAction(a, ctx, action);
        }
        RequestContext.Builder b = ctx.checker().base().toBuilder();
        attackerKeys.forEach(b::unknown);
        return ctx.checker().checkNew(a, action, b.build());
    }

    @Override
    boolean onExisting(Actor a, TechniqueContext ctx, Steps steps) {
        return serviceLinkedRole == null || serviceLinkedRole.presentOrCreatable(a, ctx, steps);
    }
}
