package io.iamscope.eval.condition;

import io.iamscope.policy.BaseOperator;

/**
 * The order a Numeric or Date operator asks for between the request's value and the policy's. The "NotEquals"
 * forms compile to EQUALS and are negated by {@link ClauseCheck}, because AWS evaluates a negated operator as the
 * negation of the positive form over all policy values (IAM JSON policy elements: Condition operators).
 */
enum Ordering {
    EQUALS, LESS_THAN, LESS_THAN_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS;

    /** Whether {@code request compareTo policy == cmp} satisfies this ordering. */
    boolean test(int cmp) {
        return switch (this) {
            case EQUALS -> cmp == 0;
            case LESS_THAN -> cmp < 0;
            case LESS_THAN_EQUALS -> cmp <= 0;
            case GREATER_THAN -> cmp > 0;
            case GREATER_THAN_EQUALS -> cmp >= 0;
        };
    }

    static Ordering of(BaseOperator op) {
        return switch (op) {
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, DATE_EQUALS, DATE_NOT_EQUALS -> EQUALS;
            case NUMERIC_LESS_THAN, DATE_LESS_THAN -> LESS_THAN;
            case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> LESS_THAN_EQUALS;
            case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> GREATER_THAN;
            case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> GREATER_THAN_EQUALS;
            default -> throw new IllegalArgumentException("not an ordering operator: " + op);
        };
    }
}
