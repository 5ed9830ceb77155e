package io.iamscope.analysis.hunt;

/**
 * Something to look for in CloudTrail: an IAM user or role (by ARN) or an access key id. For a role, AWS
 * records the session ARN ({@code arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION}) in {@code userIdentity.arn}
 * and the role ARN in {@code userIdentity.sessionContext.sessionIssuer.arn}, so roles are matched on the
 * issuer (CloudTrail User Guide: CloudTrail userIdentity element). An account ({@code value} its id) stands for
 * every identity of an account the attacker controls: its users, roles, root and keys all record that account
 * in {@code userIdentity.accountId}.
 */
public record HuntTarget(Kind kind, String value) {
    public enum Kind { USER, ROLE, ACCESS_KEY, ROOT, ACCOUNT }

    public static HuntTarget ofArn(String arn) {
        if (arn.endsWith(":root")) {
            return new HuntTarget(Kind.ROOT, arn);
        }
        if (arn.contains(":role/")) {
            return new HuntTarget(Kind.ROLE, arn);
        }
        return new HuntTarget(Kind.USER, arn);
    }

    public static HuntTarget accessKey(String id) {
        return new HuntTarget(Kind.ACCESS_KEY, id);
    }

    public static HuntTarget account(String id) {
        return new HuntTarget(Kind.ACCOUNT, id);
    }
}
