package io.iamscope.eval;

/** Small facts read off ARNs. */
public final class Arns {
    private Arns() {
    }

    /** The account component of an ARN, or null when absent or empty (S3 buckets carry none). */
    public static String account(String arn) {
        return nonEmpty(component(arn, 4));
    }

    /** The service component of an ARN, or null. */
    public static String service(String arn) {
        return component(arn, 2);
    }

    /** The region component of an ARN, or null when absent or empty (IAM and S3 ARNs carry none). */
    public static String region(String arn) {
        return nonEmpty(component(arn, 3));
    }

    /** The resource component (the sixth, colons and all), or null. */
    public static String resource(String arn) {
        return component(arn, 5);
    }

    /**
     * The {@code n}th colon-separated component (0 = "arn"; the sixth runs to the end), or null when the text is
     * not an ARN or too short. Found with indexOf: this runs several times per request on analysis hot paths,
     * where splitting allocated an array and six strings each time.
     */
    private static String component(String arn, int n) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        int start = 0;
        for (int i = 0; i < n; i++) {
            int colon = arn.indexOf(':', start);
            if (colon < 0) {
                return null;
            }
            start = colon + 1;
        }
        if (n == 5) {
            return arn.substring(start);
        }
        int end = arn.indexOf(':', start);
        return end < 0 ? arn.substring(start) : arn.substring(start, end);
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
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
