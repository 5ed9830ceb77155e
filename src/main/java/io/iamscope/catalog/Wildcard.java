package io.iamscope.catalog;

import java.util.Locale;

/**
 * A case-insensitive glob: {@code *} matches any run of characters, {@code ?} exactly one. Used for action
 * patterns and, built from templates, for condition-key names. Matching is the usual greedy scan that backtracks
 * to the last star only, so it is linear for the patterns policies use.
 */
final class Wildcard {
    private static final int STAR = -1;
    private static final int ANY = -2;

    private final int[] tokens;
    private final boolean literal;

    private Wildcard(int[] tokens) {
        this.tokens = tokens;
        boolean hasWildcard = false;
        for (int t : tokens) {
            hasWildcard |= t < 0;
        }
        this.literal = !hasWildcard;
    }

    /** A policy glob: {@code *} and {@code ?} are wildcards, everything else literal. */
    static Wildcard of(String pattern) {
        String lower = pattern.toLowerCase(Locale.ROOT);
        int[] tokens = new int[lower.length()];
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            tokens[i] = c == '*' ? STAR : c == '?' ? ANY : c;
        }
        return new Wildcard(tokens);
    }

    /**
     * A condition-key template: each {@code ${...}} or {@code <...>} placeholder becomes a star, everything else,
     * {@code *} and {@code ?} included, is literal.
     */
    static Wildcard ofTemplate(String template) {
        String lower = template.toLowerCase(Locale.ROOT);
        int[] tokens = new int[lower.length()];
        int n = 0;
        int i = 0;
        while (i < lower.length()) {
            int close = placeholderEnd(lower, i);
            if (close > 0) {
                tokens[n++] = STAR;
                i = close + 1;
            } else {
                tokens[n++] = lower.charAt(i++);
            }
        }
        return new Wildcard(java.util.Arrays.copyOf(tokens, n));
    }

    /** The index of the placeholder's closing brace or bracket when one starts at {@code i}, else -1. */
    private static int placeholderEnd(String s, int i) {
        if (s.startsWith("${", i)) {
            return s.indexOf('}', i + 2);
        }
        if (s.charAt(i) == '<') {
            return s.indexOf('>', i + 1);
        }
        return -1;
    }

    /** Whether there is no wildcard at all. */
    boolean isLiteral() {
        return literal;
    }

    /** Whether the pattern is a lone {@code *}. */
    boolean matchesEverything() {
        return tokens.length == 1 && tokens[0] == STAR;
    }

    /** Whether {@code text} matches, ignoring case. */
    boolean matches(String text) {
        return matchesLower(text.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code lowerText}, already lower case, matches. */
    boolean matchesLower(String lowerText) {
        int p = 0;
        int s = 0;
        int starP = -1;
        int starS = 0;
        int n = lowerText.length();
        while (s < n) {
            if (p < tokens.length && (tokens[p] == ANY || tokens[p] == lowerText.charAt(s))) {
                p++;
                s++;
            } else if (p < tokens.length && tokens[p] == STAR) {
                starP = p++;
                starS = s;
            } else if (starP >= 0) {
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < tokens.length && tokens[p] == STAR) {
            p++;
        }
        return p == tokens.length;
    }
}
