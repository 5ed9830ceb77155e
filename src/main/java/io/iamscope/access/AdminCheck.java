package io.iamscope.access;

import io.iamscope.eval.Constraint;
import io.iamscope.eval.PolicySet;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin-equivalence rule (docs/techniques.md, "Admin-equivalent"): a principal is admin-equivalent when it
 * is allowed, on {@code *}, every action of a representative set of high-impact actions across IAM, STS, S3,
 * EC2, KMS, Lambda and Secrets Manager. Checking a set rather than {@code *:*} keeps the rule honest about
 * SCPs and denies that carve out one service, and cheap (one engine call per action, stopping at the first
 * refusal). Conditional when any of them is.
 */
public final class AdminCheck {
    /** The representative actions; all must be allowed on {@code *}. */
    public static final List<String> ACTIONS = List.of("iam:CreateUser", "iam:AttachRolePolicy", "iam:PutRolePolicy",
            "iam:CreateAccessKey", "sts:AssumeRole", "s3:GetObject", "ec2:RunInstances", "kms:Decrypt",
            "lambda:CreateFunction", "secretsmanager:GetSecretValue");

    /** {@link AdminStatus#how()} of a principal that is admin-equivalent by the permissions it holds now. */
    public static final String BY_OWN_PERMISSIONS = "admin-equivalent";

    private AdminCheck() {
    }

    /** Whether the actor, as it is, is admin-equivalent. */
    public static AdminStatus of(AccessChecker checker, Actor a) {
        return checker.gatherer().adminStatus(checker, a, () -> decide(checker, a));
    }

    private static AdminStatus decide(AccessChecker checker, Actor a) {
        for (String action : ACTIONS) {
            if (!checker.mentions(a, action)) {
                return AdminStatus.NOT_ADMIN;
            }
        }
        return with(checker, a, null, BY_OWN_PERMISSIONS);
    }

    /**
     * Whether the actor would be admin-equivalent with another caller side (a group joined, a boundary
     * removed); {@code set} null means its own.
     */
    public static AdminStatus with(AccessChecker checker, Actor a, PolicySet set, String how) {
        List<Evidence> evidence = new ArrayList<>(ACTIONS.size());
        Constraint when = Constraint.TRUE;
        for (String action : ACTIONS) {
            Evidence e = set == null ? checker.check(a, action, "*") : checker.checkWith(a, set, action, "*");
            if (!e.allows()) {
                return AdminStatus.NOT_ADMIN;
            }
            evidence.add(e);
            when = Constraint.and(when, e.condition());
        }
        return new AdminStatus(true, when, how, evidence);
    }

    /** The conjunction of the evidence's conditions. */
    public static Constraint conditionOf(List<Evidence> evidence) {
        Constraint when = Constraint.TRUE;
        for (Evidence e : evidence) {
            when = Constraint.and(when, e.condition());
        }
        return when;
    }
}
