package io.iamscope.analysis.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The dates of snapshots and credential reports (ISO 8601 instants, with {@code Z} or an offset). */
final class Dates {
    private Dates() {
    }

    /** The instant, or null when absent or unreadable. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.strip().substring(0, Math.min(10, text.strip().length())))
                        .atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Whole days from {@code then} to {@code now}. */
    static long daysBetween(Instant then, Instant now) {
        return (now.getEpochSecond() - then.getEpochSecond()) / 86_400;
    }

    /** {@code 2026-11-28}. */
    static String day(Instant i) {
        return i == null ? "never" : i.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
