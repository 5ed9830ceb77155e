package io.iamscope.graph.rules;

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
 * iam:PassRole + ec2:ReplaceIamInstanceProfileAssociation: swap the instance profile of an existing instance of
 * the snapshot (collected as {@code AWS::EC2::Instance} with its {@code instanceProfileArn}) that the attacker can
 * run code on ({@link InstanceCode}) for the profile of another role that trusts EC2 (EC2 API Reference,
 * ReplaceIamInstanceProfileAssociation: "change the IAM instance profile that's associated with an instance
 * without having to disassociate the existing IAM instance profile first").
 */
final class Ec2ReplaceIamInstanceProfileAssociation extends ProfileAssociation {
    private static final String REPLACE = "ec2:ReplaceIamInstanceProfileAssociation";
    private static final TechniqueInfo INFO = new TechniqueInfo("ec2-replace-iam-instance-profile-association",
            "iam:PassRole + ec2:ReplaceIamInstanceProfileAssociation on an instance it runs code on",
            "replace the instance profile of an instance it can run code on with the profile of a role that trusts"
                    + " EC2",
            List.of("iam:PassRole", REPLACE), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.COMPOSED));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<Way> ways(Actor a, TechniqueContext ctx) {
        List<Way> ways = new ArrayList<>();
        for (Resource instance : instances(a, ctx)) {
            Steps in = new Steps();
            if (instance.instanceProfileArn() != null && into(a, ctx, instance, in)) {
                ways.add(new Way(instance, in));
            }
        }
        return ways;
    }

    @Override
    Evidence associate(Actor a, TechniqueContext ctx, Way way, String profile) {
        return ctx.checker().check(a, REPLACE, way.instance().arn(),
                profiles(ctx, way.instance().instanceProfileArn(), profile));
    }
}
