package io.iamscope.eval.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Date values: W3C ISO 8601 profile and epoch seconds, compared as instants. */
class DatesTest {
    private static final long NEW_YEAR_2020 = micros(Instant.parse("2020-01-01T00:00:00Z"));

    private static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-01-01", "2020-01", "2020-01-01T00:00Z", "2020-01-01T00:00:00Z",
        "2020-01-01T00:00:00.000Z", "2020-01-01T01:00:00+01:00", "2019-12-31T19:00:00-05:00", "2020-01-01T00:00:00",
        "1577836800"})
    void sameInstant(String text) {
        assertEquals(NEW_YEAR_2020, Dates.parse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2020-13-01", "2020-02-30", "2020-01-01T25:00:00Z", "2020/01/01",
        "2020-01-01T00:00:00+25:00", "1577836800000000000000", "2020-*", "${aws:CurrentTime}"})
    void notADate(String text) {
        assertEquals(Dates.INVALID, Dates.parse(text), text);
    }

    @Test
    void allDigitsAreEpochSecondsNotMillis() {
        assertEquals(1577836800000L * 1_000_000L, Dates.parse("1577836800000"));
        // A bare W3C year is read as epoch seconds: documented ambiguity, see Dates.
        assertEquals(2020L * 1_000_000L, Dates.parse("2020"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999Z", "2000-02-29T12:34:56.789+05:30",
        "2100-03-01", "1600-02-29T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2024-02-29T23:59:59-14:00",
        "2038-01-19T03:14:08Z"})
    void agreesWithJavaTime(String text) {
        Instant expected = text.length() == 10
                ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                : java.time.OffsetDateTime.parse(text).toInstant();
        assertEquals(micros(expected), Dates.parse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-02-29", "2100-02-29", "2020-04-31", "2020-01-01T12:60Z", "2020-01-01T12:00:60Z",
        "2020-01-01T12:00:00.Z", "2020-01-01T12:00:00+0100", "2020-01-01T12:00:00z", "2020-01-01 12:00:00Z",
        "2020-1-01", "2020-01-01T1:00Z"})
    void strictW3cProfile(String text) {
        assertEquals(Dates.INVALID, Dates.parse(text), text);
    }
}
