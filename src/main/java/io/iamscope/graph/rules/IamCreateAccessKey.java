package io.iamscope.graph.rules;

import io.iamscope.access.AccessKeySlot;
import io.iamscope.access.Actor;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.model.User;
import java.util.List;

/**
 * iam:CreateAccessKey on another user: create an access key for another user and sign requests as that user.
 * Not for a user who holds two keys already (IAM's quota, inactive keys included: {@link AccessKeySlot}), which
 * {@link IamDeleteAndCreateAccessKey} covers. When the snapshot does not say how many keys the user holds, the
 * edge is kept: it assumes a free slot (an edge dropped on a guess would be the dangerous error).
 */
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

    @Override
    boolean more(Actor a, User u, TechniqueContext ctx, Steps steps) {
        return ctx.inventory().accessKeySlot(u) != AccessKeySlot.FULL;
    }
}
