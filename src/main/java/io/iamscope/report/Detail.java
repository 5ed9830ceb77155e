package io.iamscope.report;

/** How much of a report to print: the answer alone, the answer and cut lists, or everything. */
public enum Detail {
    /** The first screen: the answer and where the rest is. */
    SUMMARY,
    /** The answer, then every section with its lists cut at the limit (the default). */
    STANDARD,
    /** Every list in full. */
    FULL
}
