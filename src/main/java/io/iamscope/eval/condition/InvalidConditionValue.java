package io.iamscope.eval.condition;

/** Thrown while compiling when a policy value is not of the operator's type; becomes a diagnostic. */
final class InvalidConditionValue extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidConditionValue(String message) {
        super(message, null, false, false);
    }
}
