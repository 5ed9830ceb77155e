package io.iamscope.eval.condition;

/**
 * Date values of the Date family: "You must specify date/time values with one of the W3C implementations of
 * the ISO 8601 date formats or in epoch (UNIX) time" (IAM JSON policy elements: Condition operators, Date
 * condition operators). Values become microseconds since the epoch, so {@code 2020-01-01T01:00:00+01:00} equals
 * {@code 2020-01-01T00:00:00Z}. Hand-written and allocation-free because request values are parsed on every
 * evaluation.
 *
 * <p>Accepted: the W3C profile (YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.s+]]TZD with TZD {@code Z} or
 * {@code +hh:mm}/{@code -hh:mm}) and epoch seconds (all digits, as {@code aws:EpochTime} documents). Choices
 * where AWS does not say: an all-digit value is always epoch seconds (so a bare year {@code 2020} is read as
 * epoch seconds, not as the W3C year form), never epoch milliseconds; a date without time is midnight UTC; a
 * date-time without a zone designator is read as UTC; fractions finer than a microsecond are truncated.
 */
final class Dates {
    /** Returned by {@link #parse} for text that is not a date. */
    static final long INVALID = Long.MIN_VALUE;

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;

    private Dates() {
    }

    /** Microseconds since 1970-01-01T00:00:00Z, or {@link #INVALID}. Never throws, never allocates. */
    static long parse(String s) {
        int n = s.length();
        if (n == 0) {
            return INVALID;
        }
        if (digits(s, 0, n)) {
            if (n > 13) {
                return INVALID;
            }
            long seconds = parseInt(s, 0, n);
            return seconds > Long.MAX_VALUE / MICROS_PER_SECOND ? INVALID : seconds * MICROS_PER_SECOND;
        }
        if (n < 7 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7)) {
            return INVALID;
        }
        long year = parseInt(s, 0, 4);
        int month = (int) parseInt(s, 5, 7);
        if (month < 1 || month > 12) {
            return INVALID;
        }
        if (n == 7) {
            return daysFromCivil(year, month, 1) * SECONDS_PER_DAY * MICROS_PER_SECOND;
        }
        if (n < 10 || s.charAt(7) != '-' || !digits(s, 8, 10)) {
            return INVALID;
        }
        int day = (int) parseInt(s, 8, 10);
        if (day < 1 || day > monthLength(year, month)) {
            return INVALID;
        }
        long seconds = daysFromCivil(year, month, day) * SECONDS_PER_DAY;
        if (n == 10) {
            return seconds * MICROS_PER_SECOND;
        }
        return time(s, seconds);
    }

    /** Parses {@code Thh:mm[:ss[.f+]][TZD]} from index 10 on, adding to the day's seconds. */
    private static long time(String s, long daySeconds) {
        int n = s.length();
        if (n < 16 || s.charAt(10) != 'T' || !digits(s, 11, 13) || s.charAt(13) != ':' || !digits(s, 14, 16)) {
            return INVALID;
        }
        long hour = parseInt(s, 11, 13);
        long minute = parseInt(s, 14, 16);
        long second = 0;
        long micros = 0;
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            if (i + 3 > n || !digits(s, i + 1, i + 3)) {
                return INVALID;
            }
            second = parseInt(s, i + 1, i + 3);
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                long scale = 100_000;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    micros += (s.charAt(i) - '0') * scale;
                    scale /= 10;
                    i++;
                }
                if (i == start) {
                    return INVALID;
                }
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        long offsetSeconds = 0;
        if (i < n) {
            char z = s.charAt(i);
            if (z == 'Z' && i + 1 == n) {
                offsetSeconds = 0;
            } else if ((z == '+' || z == '-') && i + 6 == n && digits(s, i + 1, i + 3) && s.charAt(i + 3) == ':'
                    && digits(s, i + 4, i + 6)) {
                long oh = parseInt(s, i + 1, i + 3);
                long om = parseInt(s, i + 4, i + 6);
                if (oh > 18 || om > 59) {
                    return INVALID;
                }
                offsetSeconds = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
            } else {
                return INVALID;
            }
        }
        long seconds = daySeconds + hour * 3600 + minute * 60 + second - offsetSeconds;
        return seconds * MICROS_PER_SECOND + micros;
    }

    private static boolean digits(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long parseInt(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private static int monthLength(long year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the usual era-based civil-to-days arithmetic). */
    private static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long monthIndex = month > 2 ? month - 3 : month + 9;
        long dayOfYear = (153 * monthIndex + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
