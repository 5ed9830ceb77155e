package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Resource;
import java.util.List;

/**
 * ec2:ModifyInstanceAttribute (user data) with ec2:StopInstances and ec2:StartInstances on an instance with an
 * instance profile: the new user data runs at the next start, with the role's credentials in the instance
 * metadata service.
 */
final class Ec2ModifyInstanceUserData extends ResourceRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("ec2-modify-instance-user-data",
            "ec2:ModifyInstanceAttribute user data + stop/start on an instance with a role",
            "stop an instance with an instance profile, replace its user data with its own script, start it",
            List.of("ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"), TargetKind.ROLE,
            "the permissions of the instance's role", List.of(Refs.COMPOSED));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<String> actions() {
        return List.of("ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances");
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return ctx.inventory().instancesWithProfile();
    }
}
