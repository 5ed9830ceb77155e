package io.iamscope.eval.condition;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Date values of the Date family: "You must specify date/time values with one of the W3C implementations of
 * the ISO 8601 date formats or in epoch (UNIX) time" (IAM JSON policy elements: Condition operators, Date
 * condition operators). Values become instants, so {@code 2020-01-01T01:00:00+01:00} equals
 * {@code 2020-01-01T00:00:00Z}.
 *
 * <p>Accepted: the W3C profile (YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.s+]]TZD) and epoch seconds (all
 * digits, as {@code aws:EpochTime} documents). Choices where AWS does not say: an all-digit value is always
 * epoch seconds (so a bare year {@code 2020} is read as epoch seconds, not as the W3C year form), never epoch
 * milliseconds; a date without time is midnight UTC; a date-time without a zone designator is read as UTC.
 */
final class Dates {
    private Dates() {
    }

    /** The instant a date value denotes, or null when the text is not a date. Never throws. */
    static Instant parse(String s) {
        int n = s.length();
        if (n == 0) {
            return null;
        }
        if (allDigits(s)) {
            if (n > 18) {
                return null;
            }
            try {
                return Instant.ofEpochSecond(Long.parseLong(s));
            } catch (DateTimeException e) {
                return null;
            }
        }
        try {
            int t = s.indexOf('T');
            if (t < 0) {
                if (n == 7) {
                    return YearMonth.parse(s).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                }
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            char last = s.charAt(n - 1);
            boolean zoned = last == 'Z' || hasOffset(s, t);
            if (zoned) {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether the time part after {@code t} carries a {@code +hh:mm} or {@code -hh:mm} offset. */
    private static boolean hasOffset(String s, int t) {
        return s.indexOf('+', t) >= 0 || s.indexOf('-', t) >= 0;
    }
}
