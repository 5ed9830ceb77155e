package io.iamscope.graph;

/**
 * Whole-string glob matching ({@code *} any run, {@code ?} one character), case-sensitive: used only as a
 * pre-filter, so that it may accept more than ARN matching does (a {@code *} here may span colons) but never
 * less. The engine decides.
 */
final class GlobFilter {
    private GlobFilter() {
    }

    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
