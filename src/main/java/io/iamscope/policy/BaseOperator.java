package io.iamscope.policy;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every condition operator IAM defines, without the {@code ForAllValues:}/{@code ForAnyValue:} qualifier and
 * the {@code IfExists} suffix. {@code negated} marks the "Not" forms, which AWS evaluates as the negation of
 * the positive form over all values (and which are true when the key is absent).
 */
public enum BaseOperator {
    STRING_EQUALS("StringEquals", OperatorFamily.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", OperatorFamily.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", OperatorFamily.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", OperatorFamily.STRING, true),
    STRING_LIKE("StringLike", OperatorFamily.STRING, false),
    STRING_NOT_LIKE("StringNotLike", OperatorFamily.STRING, true),
    NUMERIC_EQUALS("NumericEquals", OperatorFamily.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", OperatorFamily.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", OperatorFamily.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", OperatorFamily.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", OperatorFamily.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", OperatorFamily.NUMERIC, false),
    DATE_EQUALS("DateEquals", OperatorFamily.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", OperatorFamily.DATE, true),
    DATE_LESS_THAN("DateLessThan", OperatorFamily.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", OperatorFamily.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", OperatorFamily.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", OperatorFamily.DATE, false),
    BOOL("Bool", OperatorFamily.BOOL, false),
    BINARY_EQUALS("BinaryEquals", OperatorFamily.BINARY, false),
    IP_ADDRESS("IpAddress", OperatorFamily.IP_ADDRESS, false),
    NOT_IP_ADDRESS("NotIpAddress", OperatorFamily.IP_ADDRESS, true),
    ARN_EQUALS("ArnEquals", OperatorFamily.ARN, false),
    ARN_LIKE("ArnLike", OperatorFamily.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", OperatorFamily.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", OperatorFamily.ARN, true),
    NULL("Null", OperatorFamily.NULL, false);

    private static final Map<String, BaseOperator> BY_LOWER_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(o -> o.json.toLowerCase(Locale.ROOT), Function.identity()));

    private final String json;
    private final OperatorFamily family;
    private final boolean negated;

    BaseOperator(String json, OperatorFamily family, boolean negated) {
        this.json = json;
        this.family = family;
        this.negated = negated;
    }

    public String json() {
        return json;
    }

    public OperatorFamily family() {
        return family;
    }

    public boolean negated() {
        return negated;
    }

    /**
     * Looks up an operator name. AWS matches condition operator names case-insensitively at evaluation time;
     * the name as written is kept on the clause for messages.
     */
    public static BaseOperator lookup(String name) {
        return BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT));
    }
}
