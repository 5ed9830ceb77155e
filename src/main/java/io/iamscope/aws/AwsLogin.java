package io.iamscope.aws;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * As whom and where iamscope calls AWS, found as the AWS CLI v2 finds them, from the SDK's own chains and nothing
 * written by hand: with {@code --profile}, that profile's credentials (static keys, SSO sessions and legacy SSO,
 * {@code credential_process}, web identity, {@code role_arn} with {@code source_profile} or
 * {@code credential_source}; a role that needs MFA asks for the code on the terminal, {@link MfaRoleCredentials});
 * without it, the SDK's default chain (environment, web identity, the AWS_PROFILE or
 * default profile, container and instance metadata). The region is {@code --region}, else the SDK's region chain
 * ({@code aws.region}, AWS_REGION, the profile's {@code region}, instance metadata), else us-east-1.
 * Every credentials failure is a {@link CredentialsFailure}: one line, the source, the fix.
 *
 * @param profile     the profile the user named, or null
 * @param region      the region calls are made in; global services are called in its partition's home region
 *                    ({@link GlobalRegions})
 * @param credentials the credentials, failing as {@link CredentialsFailure}
 */
public record AwsLogin(String profile, Region region, AwsCredentialsProvider credentials) {
    /** Where the region chain finds nothing: the AWS CLI's commercial home region. */
    public static final Region DEFAULT_REGION = Region.US_EAST_1;

    /** The login for {@code --profile} (null for none) and {@code --region} (null for the chain). */
    public static AwsLogin resolve(String profile, String region) {
        ProfileFile files = profileFiles(profile);
        String active = profile != null ? profile : ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow();
        Region where = regionOf(region, files, active);
        // AWS_PROFILE's role that needs MFA, unless the environment's keys come first in the default chain.
        boolean envKeys = System.getenv("AWS_ACCESS_KEY_ID") != null || System.getProperty("aws.accessKeyId") != null;
        Optional<AwsCredentialsProvider> mfa = profile != null || !envKeys
                ? MfaRoleCredentials.of(files, active, where) : Optional.empty();
        AwsCredentialsProvider credentials;
        if (mfa.isPresent()) {
            credentials = ExplainedCredentials.ofProfile(mfa.get(), files, active);
        } else if (profile != null) {
            credentials = ExplainedCredentials.ofProfile(ProfileCredentialsProvider.builder().profileFile(files)
                    .profileName(profile).build(), files, profile);
        } else {
            credentials = ExplainedCredentials.ofDefaultChain(DefaultCredentialsProvider.builder().build(), files,
                    active);
        }
        return new AwsLogin(profile, where, credentials);
    }

    /**
     * The same login with other credentials (tests: static keys), the region still found as {@link #resolve}
     * finds it.
     */
    public static AwsLogin withCredentials(String profile, String region, AwsCredentialsProvider credentials) {
        ProfileFile files = profileFiles(profile);
        String active = profile != null ? profile : ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow();
        return new AwsLogin(profile, regionOf(region, files, active), credentials);
    }

    private static Region regionOf(String region, ProfileFile files, String profile) {
        if (region != null && !region.isBlank()) {
            return Region.of(region.strip());
        }
        try {
            return DefaultAwsRegionProviderChain.builder().profileFile(() -> files).profileName(profile).build()
                    .getRegion();
        } catch (SdkClientException e) {
            // "Unable to load region from any of the providers in the chain": none configured.
            return DEFAULT_REGION;
        }
    }

    /** The shared config and credentials files (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and their defaults). */
    private static ProfileFile profileFiles(String profile) {
        try {
            return ProfileFile.defaultProfileFile();
        } catch (RuntimeException e) {
            // A file that does not parse: the SDK says where.
            String where = profile != null ? "profile `" + profile + "`" : "the AWS config files";
            throw new CredentialsFailure("cannot read " + where + ": " + ExplainedCredentials.reason(e)
                    + "; fix the AWS config or credentials file (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE)", e);
        }
    }
}
