package io.iamscope.eval.match;

import java.util.Arrays;
import java.util.Locale;

/**
 * A wildcard pattern: {@code *} matches any run of characters (including none), {@code ?} exactly one.
 * Characters that came from a substituted policy variable or from {@code ${*}}, {@code ${?}} are literal, so
 * wildcard positions are tracked per character rather than by escaping (never a regex built by string
 * replacement). Matching is linear in the common case (greedy with one backtrack point per star).
 */
public final class Glob {
    private final String text;
    private final boolean[] wild;
    private final boolean ignoreCase;
    private final boolean hasWildcards;
    /** Index of the first wildcard, or the length: the pattern's literal prefix, known without allocating. */
    private final int firstWildcard;

    private Glob(String text, boolean[] wild, boolean ignoreCase) {
        this(ignoreCase ? text.toLowerCase(Locale.ROOT) : text, wild, false, ignoreCase);
    }

    private Glob(String text, boolean[] wild, boolean lowered, boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
        this.text = text;
        this.wild = wild;
        int first = wild.length;
        for (int i = wild.length - 1; i >= 0; i--) {
            if (wild[i]) {
                first = i;
            }
        }
        this.hasWildcards = first < wild.length;
        this.firstWildcard = first;
    }

    /** A pattern whose every {@code *} and {@code ?} is a wildcard. */
    public static Glob of(String pattern, boolean ignoreCase) {
        boolean[] wild = new boolean[pattern.length()];
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            wild[i] = c == '*' || c == '?';
        }
        return new Glob(pattern, wild, ignoreCase);
    }

    /** A pattern with no wildcards at all. */
    public static Glob literal(String text, boolean ignoreCase) {
        return new Glob(text, new boolean[text.length()], ignoreCase);
    }

    /** Assembles a pattern piece by piece, marking which pieces keep wildcard meaning. */
    public static Builder builder(boolean ignoreCase) {
        return new Builder(ignoreCase);
    }

    /** The pattern's characters, wildcards included, as plain text (lowercased when case-insensitive). */
    public String text() {
        return text;
    }

    public boolean hasWildcards() {
        return hasWildcards;
    }

    /** Whether the whole pattern is a single {@code *}. */
    public boolean matchesEverything() {
        return text.length() == 1 && wild[0] && text.charAt(0) == '*';
    }

    public boolean matches(String input) {
        String s = ignoreCase ? input.toLowerCase(Locale.ROOT) : input;
        if (!hasWildcards) {
            return text.equals(s);
        }
        return matches(s, 0, s.length());
    }

    /** Matches the region {@code [from, to)} of an input already in this glob's case. */
    boolean matches(String s, int from, int to) {
        return matches(0, text.length(), s, from, to);
    }

    /**
     * Matches the pattern region {@code [pFrom, pTo)} against the input region {@code [from, to)}, so that ARN
     * matching can test component by component without building a sub-pattern per component.
     */
    boolean matches(int pFrom, int pTo, String s, int from, int to) {
        int p = pFrom;
        int i = from;
        int starP = -1;
        int starI = -1;
        int n = pTo;
        while (i < to) {
            if (p < n && wild[p] && text.charAt(p) == '*') {
                starP = p++;
                starI = i;
            } else if (p < n && (wild[p] && text.charAt(p) == '?' || !wild[p] && text.charAt(p) == s.charAt(i))) {
                p++;
                i++;
            } else if (starP >= 0) {
                p = starP + 1;
                i = ++starI;
            } else {
                return false;
            }
        }
        while (p < n && wild[p] && text.charAt(p) == '*') {
            p++;
        }
        return p == n;
    }

    /** The part {@code [from, to)} of this pattern, wildcards kept. */
    Glob sub(int from, int to) {
        if (from == 0 && to == text.length()) {
            return this;
        }
        return new Glob(text.substring(from, to), Arrays.copyOfRange(wild, from, to), false, ignoreCase);
    }

    boolean ignoreCase() {
        return ignoreCase;
    }

    /** The literal prefix before the first wildcard (useful for indexing). */
    public String literalPrefix() {
        return text.substring(0, firstWildcard);
    }

    /** Whether {@code s} (already in this glob's case) starts with the literal prefix: a cheap necessary test. */
    boolean startsWithLiteralPrefix(String s) {
        return s.regionMatches(0, text, 0, firstWildcard);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glob g && g.ignoreCase == ignoreCase && g.text.equals(text) && Arrays.equals(g.wild, wild);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + Arrays.hashCode(wild);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Builds a glob from literal and wildcard-bearing pieces. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private boolean[] wild = new boolean[16];
        private final boolean ignoreCase;

        private Builder(boolean ignoreCase) {
            this.ignoreCase = ignoreCase;
        }

        /** Appends text in which {@code *} and {@code ?} are wildcards. */
        public Builder pattern(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                add(c, c == '*' || c == '?');
            }
            return this;
        }

        /** Appends text matched character for character. */
        public Builder literal(String s) {
            for (int i = 0; i < s.length(); i++) {
                add(s.charAt(i), false);
            }
            return this;
        }

        private void add(char c, boolean isWild) {
            int at = text.length();
            if (at == wild.length) {
                wild = Arrays.copyOf(wild, at * 2);
            }
            wild[at] = isWild;
            text.append(c);
        }

        public Glob build() {
            return new Glob(text.toString(), Arrays.copyOf(wild, text.length()), ignoreCase);
        }
    }
}
