package io.iamscope.access;

/**
 * A concrete ARN an attacker could give a resource it creates, made from a policy's Resource pattern: the
 * attacker picks the name, so any name the pattern allows will do.
 */
final class NewResource {
    /** The region chosen for a pattern whose region is a wildcard (one every SCP region lock keeps open). */
    static final String REGION = "us-east-1";

    private NewResource() {
    }

    /** The concrete ARN, or null for {@code *}, a non-ARN, or a pattern with policy variables. */
    static String instantiate(String pattern, String account) {
        if (!pattern.startsWith("arn:") || pattern.contains("${")) {
            return null;
        }
        String[] parts = pattern.split(":", 6);
        if (parts.length < 6) {
            return null;
        }
        if (wild(parts[3])) {
            parts[3] = REGION;
        }
        if (wild(parts[4])) {
            parts[4] = account;
        }
        for (int i = 1; i < 3; i++) {
            if (wild(parts[i])) {
                return null;
            }
        }
        parts[5] = parts[5].replace("*", "iamscope").replace('?', 'x');
        return String.join(":", parts);
    }

    private static boolean wild(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }
}
