package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Steps;
import io.iamscope.access.Actor;
import io.iamscope.access.AccessChecker;
import java.util.List;

/**
 * iam:CreateUser, iam:AttachUserPolicy or iam:PutUserPolicy on it, then iam:CreateAccessKey or
 * iam:CreateLoginProfile on it: a new administrator user whose credentials the attacker holds.
 */
final class IamCreateUserWithPolicy extends NewPrincipalTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-create-user-with-policy",
            "iam:CreateUser + a policy + credentials",
            "create a user, attach AdministratorAccess or put an inline policy on it, create its access key or"
                    + " console password",
            List.of("iam:CreateUser"), TargetKind.SELF, "admin-equivalent (a new user)",
            List.of(Refs.COMPOSED));

    IamCreateUserWithPolicy() {
        super(INFO, "user/", List.of("iam:AttachUserPolicy", "iam:PutUserPolicy"));
    }

    @Override
    boolean credentials(Actor a, AccessChecker c, String arn, Steps s) {
        return accessKeyOrPassword(a, c, arn, s);
    }

    /** iam:CreateAccessKey or iam:CreateLoginProfile on the user: the attacker then holds its credentials. */
    static boolean accessKeyOrPassword(Actor a, AccessChecker c, String arn, Steps s) {
        for (String action : List.of("iam:CreateAccessKey", "iam:CreateLoginProfile")) {
            if (c.mentions(a, action) && s.allow(c.check(a, action, arn))) {
                return true;
            }
        }
        return false;
    }
}
