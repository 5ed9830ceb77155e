package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/**
 * iam:DeleteUserPermissionsBoundary on itself:
 * remove the permissions boundary of its own user, whose policies then take full effect.
 */
final class IamDeleteUserPermissionsBoundary extends OwnBoundaryTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo(
            "iam-delete-user-permissions-boundary",
            "iam:DeleteUserPermissionsBoundary on itself",
            "remove the permissions boundary of its own user, whose policies then take full effect",
            List.of("iam:DeleteUserPermissionsBoundary"), TargetKind.SELF,
            "its own policies without a boundary (admin-equivalent)",
            List.of(Refs.BISHOPFOX, Refs.PATHFINDING));

    IamDeleteUserPermissionsBoundary() {
        super(INFO, false, false);
    }
}
