package io.iamscope.eval.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Date values: W3C ISO 8601 profile and epoch seconds, compared as instants. */
class DatesTest {
    private static final Instant NEW_YEAR_2020 = Instant.parse("2020-01-01T00:00:00Z");

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
        assertNull(Dates.parse(text), text);
    }

    @Test
    void allDigitsAreEpochSecondsNotMillis() {
        assertEquals(Instant.ofEpochSecond(1577836800000L), Dates.parse("1577836800000"));
        // A bare W3C year is read as epoch seconds: documented ambiguity, see Dates.
        assertEquals(Instant.ofEpochSecond(2020), Dates.parse("2020"));
    }
}
