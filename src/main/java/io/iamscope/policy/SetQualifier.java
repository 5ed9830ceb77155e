package io.iamscope.policy;

/** The set operators that prefix a condition operator for multivalued keys. */
public enum SetQualifier {
    /** No prefix: the operator compares single values. */
    NONE,
    /** {@code ForAllValues:} — every request value must match some policy value; true for a missing key. */
    FOR_ALL_VALUES,
    /** {@code ForAnyValue:} — at least one request value must match; false for a missing key. */
    FOR_ANY_VALUE
}
