package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Targets;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Swap the role of an instance profile used by an EC2 instance the attacker can run code on: remove the role
 * the profile holds, add one of the attacker's choosing (with iam:PassRole on it), then read the new role's
 * credentials from the instance metadata service. The instance picks the new role up once the change
 * propagates (eventual consistency; a stop and start or a re-association forces it: IAM API Reference,
 * AddRoleToInstanceProfile; the IAM User Guide, "Use instance profiles", says up to an hour), so no further
 * step is needed. Running code on the instance is any of the techniques on existing instances:
 * ssm:SendCommand, ssm:StartSession, ec2-instance-connect:SendSSHPublicKey, or the user-data rewrite (with stop
 * and start), each checked on the instance.
 */
final class IamInstanceProfileRoleSwap implements Technique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-instance-profile-role-swap",
            "iam:RemoveRoleFromInstanceProfile + iam:AddRoleToInstanceProfile on the profile of an instance one runs code on",
            "swap the role of an instance profile used by an instance it can run commands on for a more privileged "
                    + "role, and read that role's credentials on the instance",
            List.of("iam:AddRoleToInstanceProfile", "iam:PassRole"), TargetKind.ROLE, "the swapped-in role's permissions",
            List.of(Refs.COMPOSED));

    /** The ways of running code on an instance, each the actions of a technique on existing instances. */
    private static final List<ResourceRoleTechnique> ON_INSTANCE = List.of(new SsmSendCommand(), new SsmStartSession(),
            new Ec2InstanceConnect(), new Ec2ModifyInstanceUserData());

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        AccessChecker c = ctx.checker();
        if (!c.mayMatchAnyUnder(a, "iam:AddRoleToInstanceProfile", "arn:aws:iam::" + a.account() + ":instance-profile/")) {
            return;
        }
        Map<String, Steps> reach = onInstances(a, ctx);
        boolean[] admin = {false};
        for (Map.Entry<String, Steps> e : reach.entrySet()) {
            String profile = e.getKey();
            Steps s = e.getValue().fork();
            if (admin[0] || !InstanceProfileSwap.swapIn(a, ctx, profile, s)) {
                continue;
            }
            List<Role> current = ctx.inventory().rolesOfProfile(profile);
            InstanceProfileSwap.roles(a, ctx, s, (r, steps) -> {
                if (InstanceProfileSwap.in(r, current)) {
                    return true; // its instance's role already: the code-running technique reaches it
                }
                out.accept(steps.to(INFO.id(), r.arn(), false));
                admin[0] |= ctx.admin(r.arn());
                return !admin[0]; // an admin role reaches every other role through the account node
            });
        }
    }

    /**
     * Per instance profile of the attacker's account, the steps of running code on an instance that uses it: the
     * first definite way found, else the first conditional one.
     */
    private static Map<String, Steps> onInstances(Actor a, TechniqueContext ctx) {
        AccessChecker c = ctx.checker();
        Map<String, Steps> reach = new LinkedHashMap<>();
        Map<String, Boolean> definite = new LinkedHashMap<>();
        Targets<Resource> instances = ctx.targets("instances with a profile in " + a.account(),
                () -> ctx.inventory().instancesWithProfile(a.account()), Resource::arn);
        for (ResourceRoleTechnique way : ON_INSTANCE) {
            List<String> actions = way.actions();
            if (!actions.stream().allMatch(x -> c.mentions(a, x))) {
                continue;
            }
            c.forEachAllowed(a, actions.get(0), instances, (r, first) -> {
                String profile = r.instanceProfileArn();
                if (Boolean.TRUE.equals(definite.get(profile))) {
                    return true;
                }
                Steps s = new Steps();
                s.allow(first);
                for (String action : actions.subList(1, actions.size())) {
                    if (!s.allow(c.check(a, action, r.arn()))) {
                        return true;
                    }
                }
                boolean sure = s.evidence().stream().noneMatch(x -> x.conditional());
                if (!reach.containsKey(profile) || sure) {
                    reach.put(profile, s);
                    definite.put(profile, sure);
                }
                return true;
            });
        }
        return reach;
    }
}
