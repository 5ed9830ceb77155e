package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:CreateAccessKey on another user: create an access key for another user and sign requests as that user. */
final class IamCreateAccessKey extends OtherUserTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-create-access-key", "iam:CreateAccessKey on another user",
            "create an access key for another user and sign requests as that user", List.of("iam:CreateAccessKey"), TargetKind.USER, "the other user's permissions",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String action() {
        return "iam:CreateAccessKey";
    }
}
