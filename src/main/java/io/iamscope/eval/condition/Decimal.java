package io.iamscope.eval.condition;

import java.math.BigDecimal;

/**
 * Parsing of the Numeric family's "integer or decimal value" (IAM JSON policy elements: Condition operators,
 * Numeric condition operators): an optional sign, digits, and an optional fraction. Exponents, hex, blanks and
 * the like are refused. Integers that fit a {@code long} take an allocation-free path; anything else becomes
 * a {@link BigDecimal}, so no value is ever rounded.
 */
final class Decimal {
    /** Returned by {@link #parseLong} when the text is not a plain {@code long}. */
    static final long NOT_LONG = Long.MIN_VALUE;

    private Decimal() {
    }

    /** The value of a plain integer that fits in a long (but is not Long.MIN_VALUE), else NOT_LONG. */
    static long parseLong(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i == n || n - i > 18) {
            return NOT_LONG;
        }
        long v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_LONG;
            }
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }

    /** Whether {@code s} is an optional sign, one or more digits, and optionally '.' and one or more digits. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            i = 1;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != '.') {
            return false;
        }
        i++;
        int fraction = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            fraction++;
        }
        return fraction > 0 && i == n;
    }

    /** The value of a decimal, or null when {@code s} is not one. */
    static BigDecimal parse(String s) {
        return isDecimal(s) ? new BigDecimal(s) : null;
    }
}
