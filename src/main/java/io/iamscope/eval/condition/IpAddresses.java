package io.iamscope.eval.condition;

/**
 * A hand-written parser for textual IPv4 and IPv6 addresses. It never resolves names (unlike
 * {@code InetAddress.getByName}, which would look up a host name such as {@code abc} in DNS) and keeps the
 * address family as written: an IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) stays a 16-byte IPv6
 * address.
 */
final class IpAddresses {
    private IpAddresses() {
    }

    /** The 4 or 16 bytes of an address, or null when {@code s} is not a literal address. */
    static byte[] parse(String s) {
        return s.indexOf(':') >= 0 ? parseV6(s) : parseV4(s, 0, s.length(), new byte[4], 0);
    }

    /** Parses dotted-quad {@code s[from,to)} into {@code out[at..at+4)}; returns out, or null. */
    private static byte[] parseV4(String s, int from, int to, byte[] out, int at) {
        int part = 0;
        int i = from;
        while (part < 4) {
            int start = i;
            int v = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
                v = v * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || v > 255) {
                return null;
            }
            out[at + part++] = (byte) v;
            if (part < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == to ? out : null;
    }

    private static byte[] parseV6(String s) {
        byte[] out = new byte[16];
        int n = s.length();
        int groups = 0;
        int gap = -1;
        int i = 0;
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
            if (n == 2) {
                return out;
            }
        } else if (s.startsWith(":")) {
            return null;
        }
        while (i < n) {
            if (groups == 8) {
                return null;
            }
            int start = i;
            int v = 0;
            while (i < n && i - start < 4 && Character.digit(s.charAt(i), 16) >= 0) {
                v = (v << 4) | Character.digit(s.charAt(i), 16);
                i++;
            }
            if (i < n && s.charAt(i) == '.') {
                // An embedded IPv4 tail takes the last two groups.
                if (groups > 6 || parseV4(s, start, n, out, groups * 2) == null) {
                    return null;
                }
                groups += 2;
                i = n;
                break;
            }
            if (i == start) {
                return null;
            }
            out[groups * 2] = (byte) (v >> 8);
            out[groups * 2 + 1] = (byte) v;
            groups++;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < n && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = groups;
                i++;
            } else if (i == n) {
                return null;
            }
        }
        if (gap < 0) {
            return groups == 8 ? out : null;
        }
        if (groups == 8) {
            return null;
        }
        // Shift the groups written after the gap to the end.
        int tail = (groups - gap) * 2;
        System.arraycopy(out, gap * 2, out, 16 - tail, tail);
        java.util.Arrays.fill(out, gap * 2, 16 - tail, (byte) 0);
        return out;
    }
}
