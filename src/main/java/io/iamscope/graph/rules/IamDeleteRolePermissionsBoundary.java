package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/**
 * iam:DeleteRolePermissionsBoundary on itself:
 * remove the permissions boundary of its own role, whose policies then take full effect.
 */
final class IamDeleteRolePermissionsBoundary extends OwnBoundaryTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo(
            "iam-delete-role-permissions-boundary",
            "iam:DeleteRolePermissionsBoundary on itself",
            "remove the permissions boundary of its own role, whose policies then take full effect",
            List.of("iam:DeleteRolePermissionsBoundary"), TargetKind.SELF,
            "its own policies without a boundary (admin-equivalent)",
            List.of(Refs.BISHOPFOX, Refs.PATHFINDING));

    IamDeleteRolePermissionsBoundary() {
        super(INFO, true, false);
    }
}
