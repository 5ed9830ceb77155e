package io.iamscope.analysis.findings;

/** Case-sensitive patterns with {@code *} (any run of characters, none included) and {@code ?} (one character). */
final class Glob {
    private Glob() {
    }

    static boolean matches(String pattern, String text) {
        return matches(pattern, 0, text, 0);
    }

    private static boolean matches(String p, int i, String t, int j) {
        // Iterative with one backtrack point: the last star seen.
        int star = -1;
        int mark = 0;
        while (j < t.length()) {
            if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == t.charAt(j))) {
                i++;
                j++;
            } else if (i < p.length() && p.charAt(i) == '*') {
                star = i++;
                mark = j;
            } else if (star >= 0) {
                i = star + 1;
                j = ++mark;
            } else {
                return false;
            }
        }
        while (i < p.length() && p.charAt(i) == '*') {
            i++;
        }
        return i == p.length();
    }
}
