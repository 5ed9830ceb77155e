package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/**
 * iam:PutUserPermissionsBoundary on itself:
 * replace the permissions boundary of its own user with a policy allowing everything.
 */
final class IamPutUserPermissionsBoundary extends OwnBoundaryTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo(
            "iam-put-user-permissions-boundary",
            "iam:PutUserPermissionsBoundary on itself",
            "replace the permissions boundary of its own user with a policy allowing everything",
            List.of("iam:PutUserPermissionsBoundary"), TargetKind.SELF,
            "its own policies without a boundary (admin-equivalent)",
            List.of(Refs.BISHOPFOX, Refs.PATHFINDING));

    IamPutUserPermissionsBoundary() {
        super(INFO, false, true);
    }
}
