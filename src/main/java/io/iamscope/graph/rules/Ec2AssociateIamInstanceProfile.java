package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * iam:PassRole + ec2:AssociateIamInstanceProfile: give an instance without a profile the profile of a role that
 * trusts EC2. The instance is a new one the attacker launches without a profile (ec2:RunInstances, no iam:PassRole
 * at launch, {@code ec2:InstanceProfile} absent), whose user data then reads the credentials; or an existing
 * instance of the snapshot (collected as {@code AWS::EC2::Instance}) the attacker can run code on
 * ({@link InstanceCode}), first freed of its profile with ec2:DisassociateIamInstanceProfile when it has one
 * (EC2 API Reference, AssociateIamInstanceProfile: an instance has one association at most).
 */
final class Ec2AssociateIamInstanceProfile extends ProfileAssociation {
    private static final String ASSOCIATE = "ec2:AssociateIamInstanceProfile";
    private static final String DISASSOCIATE = "ec2:DisassociateIamInstanceProfile";
    private static final String RUN = "ec2:RunInstances";
    private static final TechniqueInfo INFO = new TechniqueInfo("ec2-associate-iam-instance-profile",
            "iam:PassRole + ec2:AssociateIamInstanceProfile on an instance it runs code on",
            "launch an instance without a profile, or get into one of the account's, and associate the instance"
                    + " profile of a role that trusts EC2 with it",
            List.of("iam:PassRole", ASSOCIATE), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<Way> ways(Actor a, TechniqueContext ctx) {
        AccessChecker c = ctx.checker();
        List<Way> ways = new ArrayList<>();
        Steps launch = new Steps();
        if (c.mentions(a, RUN) && launch.allow(c.checkNew(a, RUN))) {
            ways.add(new Way(null, launch));
        }
        for (Resource instance : instances(a, ctx)) {
            Steps in = new Steps();
            String current = instance.instanceProfileArn();
            if (current != null && !(c.mentions(a, DISASSOCIATE) && in.allow(
                    c.check(a, DISASSOCIATE, instance.arn(), profiles(ctx, current, null))))) {
                continue;
            }
            if (into(a, ctx, instance, in)) {
                ways.add(new Way(instance, in));
            }
        }
        return ways;
    }

    @Override
    Evidence associate(Actor a, TechniqueContext ctx, Way way, String profile) {
        return way.instance() == null ? ctx.checker().checkNew(a, ASSOCIATE, profiles(ctx, null, profile))
                : ctx.checker().check(a, ASSOCIATE, way.instance().arn(), profiles(ctx, null, profile));
    }
}
