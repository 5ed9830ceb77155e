package io.iamscope.eval.condition;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import java.util.List;

/**
 * {@code IpAddress} / {@code NotIpAddress}: whether the request address is in one of the policy's ranges (IAM
 * JSON policy elements: Condition operators, IP address condition operators). "You can not use a policy
 * variable with the IpAddress condition operator" (same section), so ranges are parsed once, here. An IPv4
 * request address never falls in an IPv6 range and vice versa; an IPv4-mapped IPv6 address
 * ({@code ::ffff:192.0.2.1}) is treated as IPv6 (AWS does not document this case). A request value that is not
 * an address matches no range.
 */
final class IpMatcher implements ValueMatcher {
    private final Cidr[] ranges;

    private IpMatcher(Cidr[] ranges) {
        this.ranges = ranges;
    }

    static IpMatcher compile(List<String> values) throws InvalidConditionValue {
        Cidr[] ranges = new Cidr[values.size()];
        for (int i = 0; i < ranges.length; i++) {
            ranges[i] = Cidr.parse(values.get(i));
            if (ranges[i] == null) {
                throw new InvalidConditionValue("`" + values.get(i) + "` is not an ip address or cidr range");
            }
        }
        return new IpMatcher(ranges);
    }

    @Override
    public Truth matchesAny(String requestValue, RequestContext context) {
        byte[] address = IpAddresses.parse(requestValue);
        if (address == null) {
            return Truth.FALSE;
        }
        for (Cidr range : ranges) {
            if (range.contains(address)) {
                return Truth.TRUE;
            }
        }
        return Truth.FALSE;
    }
}
