package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/**
 * iam:PutRolePermissionsBoundary on itself:
 * replace the permissions boundary of its own role with a policy allowing everything.
 */
final class IamPutRolePermissionsBoundary extends OwnBoundaryTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo(
            "iam-put-role-permissions-boundary",
            "iam:PutRolePermissionsBoundary on itself",
            "replace the permissions boundary of its own role with a policy allowing everything",
            List.of("iam:PutRolePermissionsBoundary"), TargetKind.SELF,
            "its own policies without a boundary (admin-equivalent)",
            List.of(Refs.BISHOPFOX, Refs.PATHFINDING));

    IamPutRolePermissionsBoundary() {
        super(INFO, true, true);
    }
}
