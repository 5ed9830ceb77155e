package io.iamscope.aws;

import java.io.Console;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * A role profile that names {@code mfa_serial}: the one credential source the SDK's profile chain does not finish
 * (it assumes the role without the MFA code, which the role's trust policy then refuses). As the AWS CLI does, the
 * role is assumed with the device's serial and a code asked for on the terminal; the source credentials still
 * come from the SDK ({@code source_profile}). Without a terminal, the failure says the role needs a code. A profile
 * with {@code credential_source} instead of {@code source_profile} is left to the SDK.
 */
final class MfaRoleCredentials {
    private MfaRoleCredentials() {
    }

    /** The provider for profile {@code name} when it is an MFA role profile; empty otherwise. */
    static Optional<AwsCredentialsProvider> of(ProfileFile files, String name, Region region) {
        return of(files, name, region, null, MfaRoleCredentials::askTerminal);
    }

    /** As {@link #of(ProfileFile, String, Region)}, with STS at {@code endpoint} and codes from {@code codes}. */
    static Optional<AwsCredentialsProvider> of(ProfileFile files, String name, Region region, URI endpoint,
            java.util.function.Function<String, String> codes) {
        Optional<Profile> profile = files.profile(name);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> p = profile.get().properties();
        String role = p.get(ProfileProperty.ROLE_ARN);
        String serial = p.get(ProfileProperty.MFA_SERIAL);
        String source = p.get(ProfileProperty.SOURCE_PROFILE);
        if (role == null || serial == null || source == null) {
            return Optional.empty();
        }
        StsClientBuilder sts = StsClient.builder().region(region).httpClientBuilder(AwsHttp.builder(endpoint))
                .credentialsProvider(ProfileCredentialsProvider.builder().profileFile(files).profileName(source).build());
        if (endpoint != null) {
            sts.endpointOverride(endpoint);
        }
        String session = p.getOrDefault(ProfileProperty.ROLE_SESSION_NAME, "iamscope-" + System.currentTimeMillis());
        Supplier<AssumeRoleRequest> request = () -> {
            AssumeRoleRequest.Builder b = AssumeRoleRequest.builder().roleArn(role).roleSessionName(session)
                    .serialNumber(serial).tokenCode(codes.apply(serial));
            Optional.ofNullable(p.get(ProfileProperty.EXTERNAL_ID)).ifPresent(b::externalId);
            Optional.ofNullable(p.get(ProfileProperty.DURATION_SECONDS)).map(Integer::valueOf)
                    .ifPresent(b::durationSeconds);
            return b.build();
        };
        return Optional.of(StsAssumeRoleCredentialsProvider.builder().stsClient(sts.build())
                .refreshRequest(request).asyncCredentialUpdateEnabled(false).build());
    }

    /** The code for {@code serial}, typed on the terminal (not echoed, never logged). */
    private static String askTerminal(String serial) {
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("the role needs an MFA code for `" + serial + "` and there is no"
                    + " terminal to ask for it");
        }
        char[] code = console.readPassword("Enter MFA code for %s: ", serial);
        if (code == null || code.length == 0) {
            throw new IllegalStateException("no MFA code was given for `" + serial + "`");
        }
        return new String(code).strip();
    }
}
