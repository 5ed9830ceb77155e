package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:CreateLoginProfile on another user: give another user (one without a console password) a password and sign in to the console as that user. */
final class IamCreateLoginProfile extends OtherUserTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-create-login-profile", "iam:CreateLoginProfile on another user",
            "give another user (one without a console password) a password and sign in to the console as that user", List.of("iam:CreateLoginProfile"), TargetKind.USER, "the other user's permissions",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String action() {
        return "iam:CreateLoginProfile";
    }
}
