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
        // The characters before the first wildcard are matched literally, colons included, whichever
        // components they span, so an ARN that does not start with them cannot match. Most comparisons fail
        // here (another service, account or bucket) without splitting either string into components.
        if (!pattern.startsWithLiteralPrefix(s)) {
            return false;
        }
        int[] pb = boundaries(p);
        int[] sb = boundaries(s);
        int pn = pb.length - 1;
        int sn = sb.length - 1;
        if (pn < COMPONENTS || sn < COMPONENTS) {
            // Not both well-formed ARNs: compare component by component as far as the pattern goes, the last
            // pattern component taking the remainder.
            if (sn < pn) {
                return false;
            }
            for (int c = 0; c < pn; c++) {
                int sEnd = c == pn - 1 ? s.length() : sb[c + 1] - 1;
                int pEnd = c == pn - 1 ? p.length() : pb[c + 1] - 1;
                if (!matchesRegion(pattern, pb[c], pEnd, s, sb[c], sEnd)) {
                    return false;
                }
            }
            return true;
        }
        for (int c = 0; c < COMPONENTS; c++) {
            int pEnd = c == COMPONENTS - 1 ? p.length() : pb[c + 1] - 1;
            int sEnd = c == COMPONENTS - 1 ? s.length() : sb[c + 1] - 1;
            if (!matchesRegion(pattern, pb[c], pEnd, s, sb[c], sEnd)) {
                return false;
            }
        }
        return true;
    }

    /** Start offsets of up to six components, plus a final sentinel of length + 1. */
    private static int[] boundaries(String s) {
        int[] starts = new int[COMPONENTS + 1];
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
        starts[count] = s.length() + 1;
        return java.util.Arrays.copyOf(starts, count + 1);
    }

    private static boolean matchesRegion(Glob pattern, int pFrom, int pTo, String s, int sFrom, int sTo) {
        return pattern.matches(pFrom, pTo, s, sFrom, sTo);
    }
}
