package io.iamscope.graph;

/**
 * Whether a Deny pattern surely matches an ARN, for pre-filtering: only the two shapes whose meaning does not
 * depend on ARN component rules, {@code *} and a pattern with no wildcard at all, or one whose only wildcard
 * is a trailing {@code *} after the last colon (the resource part runs to the end of the ARN).
 */
final class GlobMatchesExactly {
    private GlobMatchesExactly() {
    }

    static boolean arn(String pattern, String arn) {
        if (pattern.equals("*")) {
            return true;
        }
        int star = pattern.indexOf('*');
        if (pattern.indexOf('?') >= 0) {
            return false;
        }
        if (star < 0) {
            return pattern.equals(arn);
        }
        return star == pattern.length() - 1 && pattern.lastIndexOf(':') < star && pattern.split(":", -1).length == 6
                && arn.startsWith(pattern.substring(0, star));
    }
}
