package io.iamscope.graph.rules;

import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.InstanceProfile;
import io.iamscope.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The shape shared by "give an instance the attacker runs code on the instance profile of another role": the
 * attacker passes the role (iam:PassRole with {@code iam:PassedToService} = {@code ec2.amazonaws.com}) and
 * associates its profile with the instance (EC2 User Guide, "Grant permissions to attach an IAM role to an
 * instance": iam:PassRole with ec2:AssociateIamInstanceProfile or ec2:ReplaceIamInstanceProfileAssociation); the
 * instance's metadata service then hands out the role's credentials. The association is checked on the instance
 * with {@code ec2:NewInstanceProfile} = the profile given and {@code ec2:InstanceProfile} = the one it has
 * (Service Authorization Reference, EC2: resource type instance). The instances and the ways into them do not
 * depend on the role: they are found once per attacker.
 */
abstract class ProfileAssociation extends PassRoleTechnique {
    static final String TYPE = "AWS::EC2::Instance";

    /**
     * An instance the attacker can get into, with the checks that get it in (and free it of its profile).
     *
     * @param instance the instance, or null for one the attacker launches
     */
    record Way(Resource instance, Steps steps) {
    }

    /** One way in, and one instance profile of the role to give the instance. */
    private record Option(Way way, String profile) {
    }

    /** The instances this technique can give a profile to, each with its checks. */
    abstract List<Way> ways(Actor a, TechniqueContext ctx);

    /** The check that gives the way's instance the profile. */
    abstract Evidence associate(Actor a, TechniqueContext ctx, Way way, String profile);

    @Override
    String service() {
        return "ec2.amazonaws.com";
    }

    @Override
    List<String> actions() {
        return List.of();
    }

    @Override
    boolean instanceProfilesOnly() {
        return true;
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        List<Way> ways = ways(a, ctx);
        if (ways.isEmpty()) {
            return;
        }
        eachPassedRole(a, ctx, new Steps(), (role, steps) -> {
            List<Option> options = new ArrayList<>();
            for (Way way : ways) {
                for (InstanceProfile profile : role.instanceProfiles()) {
                    options.add(new Option(way, profile.arn()));
                }
            }
            return Alternatives.first(options, steps, (option, s) -> {
                s.append(option.way().steps());
                return s.allow(associate(a, ctx, option.way(), option.profile()));
            });
        }, out);
    }

    /** The instances of the attacker's account that are not terminated (EC2 reports state in the record). */
    static List<Resource> instances(Actor a, TechniqueContext ctx) {
        return ctx.inventory().ofType(a.account(), TYPE).stream().filter(r -> {
            Object state = r.properties().get("State");
            return !"terminated".equals(state) && !"shutting-down".equals(state);
        }).toList();
    }

    /** Whether the attacker can run code on an existing instance; the checks go to {@code steps}. */
    static boolean into(Actor a, TechniqueContext ctx, Resource instance, Steps steps) {
        return InstanceCode.run(a, ctx, InstanceCode.EXISTING,
                action -> ctx.checker().check(a, action, instance.arn()), steps);
    }

    /** The attacker's context with the instance's current profile and the new one. */
    static RequestContext profiles(TechniqueContext ctx, String current, String next) {
        RequestContext.Builder b = ctx.checker().base().toBuilder();
        if (current != null) {
            b.put("ec2:InstanceProfile", current);
        }
        if (next != null) {
            b.put("ec2:NewInstanceProfile", next);
        }
        return b.build();
    }
}
