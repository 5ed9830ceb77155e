package io.iamscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoundsTest {
    @Test
    void keepsTheLimitBelowFullDetailAndEverythingInFull() {
        Bounds standard = new Bounds(Detail.STANDARD, 3);
        assertEquals(3, standard.keep(10));
        assertEquals(2, standard.keep(2));
        assertEquals(3, standard.keep(10, 5));
        assertEquals(2, new Bounds(Detail.SUMMARY, 8).keep(10, 2));
        assertEquals(10, Bounds.FULL.keep(10));
        assertEquals(10, Bounds.FULL.keep(10, 2));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Bounds(Detail.STANDARD, 0));
    }
}
