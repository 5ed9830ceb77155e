package io.iamscope.eval.condition;

/**
 * An IPv4 or IPv6 range. "The value must be in the standard CIDR format (for example, 203.0.113.0/24 or
 * 2001:DB8:1234:5678::/64). If you specify an IP address without the associated routing prefix, IAM uses the
 * default prefix value of /32" (IAM JSON policy elements: Condition operators, IP address condition
 * operators); for an IPv6 address without a prefix we use /128, the whole address. Host bits set below the
 * prefix are ignored.
 */
record Cidr(byte[] network, int prefix) {

    /** The range a policy value denotes, or null when it is not an address or CIDR. */
    static Cidr parse(String s) {
        int slash = s.indexOf('/');
        byte[] address = IpAddresses.parse(slash < 0 ? s : s.substring(0, slash));
        if (address == null) {
            return null;
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                return null;
            }
        }
        return new Cidr(address, prefix);
    }

    /** Whether {@code address} is in this range; addresses of the other family never are. */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }
}
