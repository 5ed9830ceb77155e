package io.iamscope.cli;

/** An AWS API call failed (credentials, network, access denied); printed as one line, exit 3. */
final class AwsFailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AwsFailureException(String message) {
        super(message);
    }
}
