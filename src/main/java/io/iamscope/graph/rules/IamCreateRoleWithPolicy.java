package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Steps;
import io.iamscope.access.Actor;
import io.iamscope.access.AccessChecker;
import java.util.List;

/**
 * iam:CreateRole with a trust policy naming the attacker, iam:AttachRolePolicy or iam:PutRolePolicy on it,
 * then sts:AssumeRole. Within one account a trust policy naming the caller's ARN grants on its own (IAM User
 * Guide: "Policy evaluation for requests within a single account"), so the last step only needs sts:AssumeRole
 * not to be explicitly denied to the attacker (an identity Deny or an SCP).
 */
final class IamCreateRoleWithPolicy extends NewPrincipalTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("iam-create-role-with-policy",
            "iam:CreateRole + a policy + sts:AssumeRole",
            "create a role trusting itself, attach AdministratorAccess or put an inline policy on it, assume it",
            List.of("iam:CreateRole"), TargetKind.SELF, "admin-equivalent (a new role)",
            List.of(Refs.COMPOSED));

    IamCreateRoleWithPolicy() {
        super(INFO, "role/", List.of("iam:AttachRolePolicy", "iam:PutRolePolicy"));
    }

    @Override
    boolean credentials(Actor a, AccessChecker c, String arn, Steps s) {
        return s.notDenied(c.check(a, "sts:AssumeRole", arn));
    }
}
