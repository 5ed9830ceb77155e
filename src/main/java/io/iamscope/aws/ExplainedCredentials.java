package io.iamscope.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The SDK's credentials provider, whose failures are {@link CredentialsFailure}s: whatever a provider throws (an
 * {@code SdkClientException}, or the {@code IllegalStateException} of an SSO profile without the SSO module)
 * becomes one line naming the source that failed, the SDK's reason and the fix.
 *
 * @param provider the SDK's provider: the default chain or one profile's
 * @param source   what to call the source in a failure, worked out only when one happens
 */
record ExplainedCredentials(AwsCredentialsProvider provider, java.util.function.Supplier<CredentialSource> source)
        implements AwsCredentialsProvider {

    /** The named profile's credentials, as {@code --profile NAME} means in the AWS CLI. */
    static ExplainedCredentials ofProfile(AwsCredentialsProvider provider, ProfileFile files, String name) {
        return new ExplainedCredentials(provider, () -> CredentialSource.ofProfile(files, name));
    }

    /** The default chain's credentials; {@code activeProfile} is the profile the chain reads (AWS_PROFILE). */
    static ExplainedCredentials ofDefaultChain(AwsCredentialsProvider provider, ProfileFile files,
            String activeProfile) {
        return new ExplainedCredentials(provider, () -> CredentialSource.ofDefaultChain(files, activeProfile));
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return provider.resolveCredentials();
        } catch (CredentialsFailure e) {
            throw e;
        } catch (RuntimeException e) {
            CredentialSource s = source.get();
            // The SDK's words for a profile that is not there list every profile of the file: ours suffice.
            String reason = s.missing() ? "" : reason(e);
            throw new CredentialsFailure("cannot get credentials from " + s.what()
                    + (reason.isEmpty() ? "" : ": " + reason) + "; " + s.fixFor(reason), e);
        }
    }

    private static final String CHAIN = "Unable to load credentials from any of the providers in the chain";
    // The leading comma tells it from InstanceProfileCredentialsProvider.
    private static final String PROFILE_PROVIDER = ", ProfileCredentialsProvider(";
    private static final int MAX_REASON = 300;

    /**
     * The SDK's reason on one line: the message and its causes' ({@code credential_process}: "Failed to refresh
     * process-based credentials", then the command's exit value and error output). The default chain lists every
     * provider it tried in one message; of those, the profile's reason is the one that says what went wrong.
     */
    static String reason(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.startsWith(CHAIN)) {
            return profileReason(m).orElse("no provider in the chain had credentials");
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            // The SDK appends its attempt count; the line says what failed, not how often it was tried.
            String words = t.getMessage() == null ? "" : t.getMessage().replaceAll("\\s+", " ")
                    .replaceAll(" \\(SDK Attempt Count: \\d+\\)", "").strip();
            String part = words.endsWith(".") ? words.substring(0, words.length() - 1) : words;
            if (!part.isEmpty() && parts.stream().noneMatch(p -> p.contains(part))) {
                parts.add(part);
            }
        }
        String line = parts.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", parts);
        return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "..." : line;
    }

    /**
     * The profile provider's entry of the default chain's message: {@code ProfileCredentialsProvider(profileName=...,
     * profileFile=...): REASON, ContainerCredentialsProvider(): ...} (the chain's {@code toString} and its list of
     * each provider's message).
     */
    private static java.util.Optional<String> profileReason(String message) {
        int start = message.lastIndexOf(PROFILE_PROVIDER);
        if (start < 0) {
            return java.util.Optional.empty();
        }
        int depth = 0;
        int i = start + PROFILE_PROVIDER.length() - 1;
        for (; i < message.length(); i++) {
            char c = message.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        if (!message.startsWith("): ", i)) {
            return java.util.Optional.empty();
        }
        int from = i + 3;
        int to = message.indexOf(", ContainerCredentialsProvider(", from);
        String reason = message.substring(from, to < 0 ? message.length() : to).strip();
        reason = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
        return reason.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(reason);
    }
}
