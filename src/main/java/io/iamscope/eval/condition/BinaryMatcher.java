package io.iamscope.eval.condition;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * {@code BinaryEquals}: "compares the value of the specified key byte for byte against a base-64 encoded
 * representation of the binary value in the policy" (IAM JSON policy elements: Condition operators, Binary
 * condition operators). Request context values are strings, so a request value is taken as base64 text too;
 * both sides are decoded and the bytes compared, which makes padding variants equal. No policy variables
 * ("You can not use a policy variable with the Binary condition operator"). A request value that is not
 * base64 matches nothing.
 */
final class BinaryMatcher implements ValueMatcher {
    private final byte[][] values;

    private BinaryMatcher(byte[][] values) {
        this.values = values;
    }

    static BinaryMatcher compile(List<String> policyValues) throws InvalidConditionValue {
        byte[][] values = new byte[policyValues.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = decode(policyValues.get(i));
            if (values[i] == null) {
                throw new InvalidConditionValue("`" + policyValues.get(i) + "` is not base64");
            }
        }
        return new BinaryMatcher(values);
    }

    private static byte[] decode(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Truth matchesAny(String requestValue, RequestContext context) {
        byte[] request = decode(requestValue);
        if (request == null) {
            return Truth.FALSE;
        }
        for (byte[] policy : values) {
            if (Arrays.equals(request, policy)) {
                return Truth.TRUE;
            }
        }
        return Truth.FALSE;
    }
}
