package io.iamscope.eval.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numeric values: integers or decimals, nothing else. */
class DecimalTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "10", "-5", "+7", "1.5", "-0.25", "123456789012345678901234567890"})
    void decimals(String text) {
        assertTrue(Decimal.isDecimal(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "abc", "1e3", "1.", ".5", "1.2.3", " 1", "0x10", "NaN", "Infinity", "١٢"})
    void notDecimals(String text) {
        assertFalse(Decimal.isDecimal(text), text);
    }

    @Test
    void longFastPath() {
        assertEquals(42, Decimal.parseLong("42"));
        assertEquals(-42, Decimal.parseLong("-42"));
        assertEquals(Decimal.NOT_LONG, Decimal.parseLong("4.2"));
        assertEquals(Decimal.NOT_LONG, Decimal.parseLong("1234567890123456789"));
        assertEquals(Decimal.NOT_LONG, Decimal.parseLong("-"));
    }
}
