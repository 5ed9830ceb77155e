package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:UpdateLoginProfile on another user: reset another user's console password and sign in as that user. */
final class IamUpdateLoginProfile extends OtherUserTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-update-login-profile", "iam:UpdateLoginProfile on another user",
            "reset another user's console password and sign in as that user", List.of("iam:UpdateLoginProfile"), TargetKind.USER, "the other user's permissions",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String action() {
        return "iam:UpdateLoginProfile";
    }
}
