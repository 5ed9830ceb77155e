package io.iamscope.eval.condition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The hand-written address parser agrees with the JDK on literals and never resolves names. */
class IpAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "203.0.113.7", "255.255.255.255", "::", "::1", "1::", "2001:db8::1",
        "2001:DB8:1234:5678::", "2001:0db8:0000:0000:0000:ff00:0042:8329", "fe80::1:2:3:4", "1:2:3:4:5:6:7::",
        "::2:3:4:5:6:7:8", "64:ff9b::192.0.2.33", "1:2:3:4:5:6:1.2.3.4"})
    void agreesWithTheJdkOnLiterals(String literal) throws UnknownHostException {
        // Every input here is a literal, so InetAddress does not touch DNS. The JDK turns ::ffff:a.b.c.d into
        // IPv4, which is why mapped addresses are not among these inputs.
        assertArrayEquals(InetAddress.getByName(literal).getAddress(), IpAddresses.parse(literal), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "example.com", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.04x", "1..2.3",
        ":", ":::", "1:2", "2001::db8::1", ":1::", "1:2:3:4:5:6:7:8:9", "12345::", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4",
        "1::2:3:4:5:6:7:8", "g::1", "1.2.3.4/24"})
    void rejectsNonLiterals(String text) {
        assertNull(IpAddresses.parse(text), text);
    }

    @Test
    void mappedAddressStaysIpv6() {
        byte[] mapped = IpAddresses.parse("::ffff:192.0.2.1");
        assertNotNull(mapped);
        assertEquals(16, mapped.length);
    }

    @Test
    void cidrMasksHostBitsAndHonoursOddPrefixes() {
        Cidr c = Cidr.parse("192.0.2.77/27");
        assertNotNull(c);
        assertTrue(c.contains(IpAddresses.parse("192.0.2.64")));
        assertTrue(c.contains(IpAddresses.parse("192.0.2.95")));
        assertFalse(c.contains(IpAddresses.parse("192.0.2.96")));
        assertNull(Cidr.parse("192.0.2.0/"));
        assertNull(Cidr.parse("192.0.2.0/-1"));
        assertNull(Cidr.parse("2001:db8::/129"));
        assertEquals(128, Cidr.parse("2001:db8::1").prefix());
        assertEquals(32, Cidr.parse("192.0.2.1").prefix());
    }
}
