package io.iamscope.aws;

/**
 * No credentials could be had from the source the user chose (or the default chain): one line that names the
 * source, the SDK's reason, and how to fix it. {@link AwsFailure} classifies it as
 * {@link AwsFailure.Kind#NO_CREDENTIALS} wherever the SDK wraps it. It reaches the caller of an SDK client as it was
 * thrown (the SDK passes a credentials provider's exception through), so the CLI maps it too. Neither an
 * {@code SdkClientException} nor caused by the SDK's exception: the SDK's interceptors rebuild an exception whose
 * causes hold an {@code UnknownHostException} (an STS or SSO endpoint out of reach) and insist that it keeps its
 * class; the SDK's exception is kept as a suppressed one for {@code --debug}. Never carries a secret: the SDK's
 * providers do not put keys or tokens in their messages, and the fix hints are our own words.
 */
public final class CredentialsFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CredentialsFailure(String line, Throwable cause) {
        super(line);
        if (cause != null) {
            addSuppressed(cause);
        }
    }
}
