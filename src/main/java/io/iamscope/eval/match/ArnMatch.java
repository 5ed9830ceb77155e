package io.iamscope.eval.match;

/**
 * ARN matching as AWS documents it for the {@code Resource} element and the {@code ArnLike} operator: "each of
 * the six colon-delimited components of the ARN is checked separately and each can include multi-character
 * match wildcards (*) or single-character match wildcards (?)" (IAM JSON policy elements: Condition
 * operators, ARN condition operators). So {@code *} never spans a colon between the first five components;
 * the sixth (resource) component runs to the end and may itself contain colons.
 *
 * <p>A pattern of fewer than six components (say {@code arn:aws:s3:*}) cannot be a well-formed ARN; its
 * last component is matched against the rest of the ARN so that a sloppy pattern over-approximates rather
 * than silently matching nothing. The policy parser reports such patterns.
 */
public final class ArnMatch {
    private static final int COMPONENTS = 6;

    private ArnMatch() {
    }

    /** Whether {@code arn} matches {@code pattern}; a bare {@code *} matches everything, ARN or not. */
    public static boolean matches(Glob pattern, String arn) {
        if (pattern.matchesEverything()) {
            return true;
        }
        String p = pattern.text();
        String s = pattern.ignoreCase() ? arn.toLowerCase(java.util.Locale.ROOT) : arn;
        if (!pattern.hasWildcards()) {
            return p.equals(s);
        }
        int[] pb = starts(p);
        int[] sb = starts(s);
        int pn = pb.length;
        int sn = sb.length;
        // A pattern of fewer than six components (not a well-formed ARN) compares component by component as
        // far as it goes, its last component taking the remainder of the ARN.
        if (sn < pn) {
            return false;
        }
        Glob[] components = pattern.arnComponents(pb);
        for (int c = 0; c < pn; c++) {
            int sEnd = c == pn - 1 ? s.length() : sb[c + 1] - 1;
            if (!components[c].matches(s, sb[c], sEnd)) {
                return false;
            }
        }
        return true;
    }

    /** Start offsets of up to six components; the sixth runs to the end even when it holds colons. */
    private static int[] starts(String s) {
        int[] starts = new int[COMPONENTS];
        int count = 0;
        starts[count++] = 0;
        int i = 0;
        while (count < COMPONENTS) {
            int colon = s.indexOf(':', i);
            if (colon < 0) {
                break;
            }
            starts[count++] = colon + 1;
            i = colon + 1;
        }
        return count == COMPONENTS ? starts : java.util.Arrays.copyOf(starts, count);
    }
}
