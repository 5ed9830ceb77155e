package io.iamscope.graph;

/**
 * A node of the access graph. {@code arn} identifies it: an IAM ARN, an account root ARN, a service principal
 * name, an identity provider ARN, or {@code *} for anyone. {@code account} is null where it has none.
 */
public record PrincipalNode(String arn, NodeKind kind, String account) {
    public static final PrincipalNode ANYONE = new PrincipalNode("*", NodeKind.ANYONE, null);

    /**
     * The last part of the ARN, for short displays: {@code alice}, {@code deploy}; {@code account 111122223333}
     * for an account node, which stands for control of every principal of the account (not the root user).
     */
    public String shortName() {
        int slash = arn.lastIndexOf('/');
        if (slash >= 0) {
            return arn.substring(slash + 1);
        }
        return arn.endsWith(":root") && account != null ? "account " + account : arn;
    }
}
