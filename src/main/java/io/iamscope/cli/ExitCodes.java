package io.iamscope.cli;

/**
 * The process exit codes, documented in the README. Only {@code cli} exits; everything else returns values or
 * throws exceptions that {@link ErrorHandler} maps here.
 */
public final class ExitCodes {
    /** Success: no findings, every test passed. */
    public static final int OK = 0;
    /** The command ran and found something: failing tests, findings (for CI). */
    public static final int FINDINGS = 1;
    /** The user's input is wrong: usage, unreadable file, invalid policy or case. */
    public static final int INPUT_ERROR = 2;
    /** An AWS API failed: credentials, network, throttling past retries. */
    public static final int AWS_ERROR = 3;
    /** A bug in iamscope. */
    public static final int INTERNAL_ERROR = 4;
    /** Out of memory or stack: the run needs more than the JVM was given; never a finding. */
    public static final int RESOURCE_EXHAUSTED = 5;

    private ExitCodes() {
    }
}
