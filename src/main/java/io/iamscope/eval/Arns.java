package io.iamscope.eval;

/** Small facts read off ARNs. */
public final class Arns {
    private Arns() {
    }

    /** The account component of an ARN, or null when absent or empty (S3 buckets carry none). */
    public static String account(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length >= 5 && !parts[4].isEmpty() ? parts[4] : null;
    }

    /** The service component of an ARN, or null. */
    public static String service(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length >= 3 ? parts[2] : null;
    }

    /** The region component, or null when the ARN has none (IAM, S3 buckets). */
    public static String region(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length >= 4 && !parts[3].isEmpty() ? parts[3] : null;
    }

    /** The resource component (the sixth), or null. */
    public static String resource(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length == 6 ? parts[5] : null;
    }

    /**
     * The role ARN behind an assumed-role session ARN, without the role's path (which the session ARN does not
     * carry): {@code arn:aws:sts::1:assumed-role/R/s} gives {@code arn:aws:iam::1:role/R}.
     */
    public static String roleOfSession(String sessionArn) {
        String res = resource(sessionArn);
        if (res == null || !res.startsWith("assumed-role/")) {
            return null;
        }
        String rest = res.substring("assumed-role/".length());
        int slash = rest.indexOf('/');
        String role = slash < 0 ? rest : rest.substring(0, slash);
        return "arn:" + partition(sessionArn) + ":iam::" + account(sessionArn) + ":role/" + role;
    }

    public static String partition(String arn) {
        String[] parts = arn.split(":", 3);
        return parts.length >= 2 ? parts[1] : "aws";
    }
}
