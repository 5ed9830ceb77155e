package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Resource;
import java.util.List;

/** ec2-instance-connect:SendSSHPublicKey: push an SSH key to an instance with an instance profile, log in, and use the role's credentials. */
final class Ec2InstanceConnect extends ResourceRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("ec2-instance-connect-send-ssh-public-key", "ec2-instance-connect:SendSSHPublicKey on a resource with a role",
            "push an SSH key to an instance with an instance profile, log in, and use the role's credentials", List.of("ec2-instance-connect:SendSSHPublicKey"), TargetKind.ROLE, "the permissions of the resource's role",
            List.of(Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<String> actions() {
        return List.of("ec2-instance-connect:SendSSHPublicKey");
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return ctx.inventory().instancesWithProfile();
    }
}
