package io.iamscope.graph.rules;

import io.iamscope.access.AccessKeySlot;
import io.iamscope.access.Actor;
import io.iamscope.access.Targets;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.model.User;
import java.util.ArrayList;
import java.util.List;

/**
 * iam:DeleteAccessKey then iam:CreateAccessKey on another user who holds two access keys already: IAM allows two
 * per user, active or inactive (IAM User Guide, "IAM and AWS STS quotas"; API Reference, CreateAccessKey fails
 * with LimitExceeded), so one of them must go first. Both actions are authorized on the user (Service
 * Authorization Reference, IAM: resource type {@code user}). Only for users the snapshot shows with two keys;
 * where it cannot say, {@link IamCreateAccessKey} reports the user, assuming a free slot.
 */
final class IamDeleteAndCreateAccessKey extends OtherUserTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-delete-and-create-access-key",
            "iam:DeleteAccessKey + iam:CreateAccessKey on another user with two keys",
            "delete one of the two access keys of another user, create a new one and sign requests as that user",
            List.of("iam:CreateAccessKey", "iam:DeleteAccessKey"), TargetKind.USER, "the other user's permissions",
            List.of(Refs.PATHFINDING, Refs.PMAPPER));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String action() {
        return "iam:CreateAccessKey";
    }

    /** Only the users the snapshot shows with two keys (most accounts have few), admins first. */
    @Override
    Targets<User> targets(Actor a, TechniqueContext ctx) {
        return ctx.targets("users with two access keys in " + a.account(), () -> {
            Targets<User> all = ctx.usersAdminFirst(a.account());
            List<User> full = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (ctx.inventory().accessKeySlot(all.get(i)) == AccessKeySlot.FULL) {
                    full.add(all.get(i));
                }
            }
            return full;
        }, User::arn);
    }

    @Override
    boolean more(Actor a, User u, TechniqueContext ctx, Steps steps) {
        return ctx.inventory().accessKeySlot(u) == AccessKeySlot.FULL
                && steps.allow(ctx.checker().check(a, "iam:DeleteAccessKey", u.arn()));
    }
}
