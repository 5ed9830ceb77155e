package io.iamscope.policy;

/** The families of IAM condition operators (IAM JSON policy elements: Condition operators). */
public enum OperatorFamily {
    STRING, NUMERIC, DATE, BOOL, BINARY, IP_ADDRESS, ARN, NULL,
    /** An operator IAM does not define; kept so it can be reported, never silently matched. */
    UNRECOGNIZED
}
