package io.iamscope.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;

/** A credentials failure is one line: the source that failed, the SDK's reason, the fix. */
class ExplainedCredentialsTest {
    private static final ProfileFile FILES = config("""
            [profile sso]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = Audit
            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-west-1
            [profile legacy-sso]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-west-1
            sso_account_id = 111122223333
            sso_role_name = Audit
            [profile proc]
            credential_process = /usr/local/bin/get-creds
            [profile web]
            role_arn = arn:aws:iam::111122223333:role/Ci
            web_identity_token_file = /var/run/token
            [profile role]
            role_arn = arn:aws:iam::111122223333:role/Admin
            source_profile = keys
            [profile mfa]
            role_arn = arn:aws:iam::111122223333:role/Admin
            source_profile = keys
            mfa_serial = arn:aws:iam::111122223333:mfa/me
            [profile keys]
            aws_access_key_id = AKIAEXAMPLE
            aws_secret_access_key = do-not-print-me
            [profile empty]
            region = eu-west-1
            """);

    private static ProfileFile config(String text) {
        return ProfileFile.builder().type(ProfileFile.Type.CONFIGURATION)
                .content(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).build();
    }

    private static String failure(String profile, RuntimeException thrown) {
        AwsCredentialsProvider failing = () -> {
            throw thrown;
        };
        CredentialsFailure f = assertThrows(CredentialsFailure.class,
                ExplainedCredentials.ofProfile(failing, FILES, profile)::resolveCredentials);
        assertFalse(f.getMessage().contains("\n"), f.getMessage());
        assertFalse(f.getMessage().contains("do-not-print-me"), f.getMessage());
        return f.getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sso        | SSO profile `sso`                   | run `aws sso login --profile sso`",
        "legacy-sso | SSO profile `legacy-sso`            | run `aws sso login --profile legacy-sso`",
        "proc       | `credential_process` of profile `proc` | run the profile's `credential_process` command",
        "web        | web identity profile `web`          | check that `web_identity_token_file`",
        "role       | role profile `role` (`role_arn` arn:aws:iam::111122223333:role/Admin) | check its `source_profile`",
        "mfa        | role profile `mfa`                  | the role needs an MFA code for its `mfa_serial`, asked for on the terminal",
        "keys       | access keys of profile `keys`       | `aws configure --profile keys`",
        "empty      | profile `empty`                     | it names no credentials",
    })
    void namesTheSourceAndTheFix(String profile, String source, String fix) {
        String line = failure(profile, SdkClientException.create("the SDK's reason."));
        assertTrue(line.startsWith("cannot get credentials from " + source), line);
        assertTrue(line.contains(": the SDK's reason; "), line);
        assertTrue(line.contains(fix), line);
    }

    @Test
    void anExpiredSsoTokenSaysSo() {
        String line = failure("sso", SdkClientException.create("The SSO session associated with this profile has"
                + " expired or is otherwise invalid.", SdkClientException.create("Unable to load SSO token")));
        assertEquals("cannot get credentials from SSO profile `sso`: The SSO session associated with this profile"
                + " has expired or is otherwise invalid: Unable to load SSO token; run `aws sso login --profile sso`"
                + " (the cached SSO token is missing or expired)", line);
    }

    @Test
    void aMissingProfileIsNamedWithoutTheSdksListOfProfiles() {
        String line = failure("nosuch", SdkClientException.create("Profile file contained no credentials for"
                + " profile 'nosuch': ProfileFile(sections=[profiles], profiles=[Profile(name=keys, ...)])"));
        assertTrue(line.startsWith("cannot get credentials from profile `nosuch`; no such profile in the AWS config"
                + " or credentials file"), line);
        assertFalse(line.contains("ProfileFile("), line);
    }

    @Test
    void aFailingCommandsOwnWordsAreKept() {
        String line = failure("proc", SdkClientException.create("Failed to refresh process-based credentials.",
                new IllegalStateException("Command returned non-zero exit value (1) with error message: boom")));
        assertTrue(line.contains(": Failed to refresh process-based credentials: Command returned non-zero exit"
                + " value (1) with error message: boom; "), line);
    }

    @Test
    void theDefaultChainReportsTheActiveProfilesReason() {
        String chain = "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain("
                + "credentialsProviders=[SystemPropertyCredentialsProvider(), ProfileCredentialsProvider(profileName=sso,"
                + " profileFile=ProfileFile(sections=[profiles], profiles=[Profile(name=sso, properties=[sso_session])])),"
                + " InstanceProfileCredentialsProvider()]) : [SystemPropertyCredentialsProvider(): Unable to load"
                + " credentials from system settings., ProfileCredentialsProvider(profileName=sso, profileFile=ProfileFile("
                + "sections=[profiles], profiles=[Profile(name=sso, properties=[sso_session])])): The SSO session"
                + " associated with this profile has expired or is otherwise invalid., ContainerCredentialsProvider():"
                + " Cannot fetch credentials from container., InstanceProfileCredentialsProvider(): IMDS credentials"
                + " have been disabled.]";
        AwsCredentialsProvider failing = () -> {
            throw SdkClientException.create(chain);
        };
        CredentialsFailure f = assertThrows(CredentialsFailure.class,
                ExplainedCredentials.ofDefaultChain(failing, FILES, "sso")::resolveCredentials);
        assertEquals("cannot get credentials from SSO profile `sso`: The SSO session associated with this profile"
                + " has expired or is otherwise invalid; run `aws sso login --profile sso` (the cached SSO token is"
                + " missing or expired)", f.getMessage());
    }

    @Test
    void theSdksAttemptCountIsLeftOut() {
        String line = failure("role", SdkClientException.create("Unable to execute HTTP request: Connect to sts"
                + " failed (SDK Attempt Count: 4)"));
        assertTrue(line.contains(": Unable to execute HTTP request: Connect to sts failed; "), line);
    }

    @Test
    void theDefaultChainWithNothingConfigured() {
        AwsCredentialsProvider failing = () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain"
                    + " AwsCredentialsProviderChain(credentialsProviders=[]) : []");
        };
        CredentialsFailure f = assertThrows(CredentialsFailure.class,
                ExplainedCredentials.ofDefaultChain(failing, FILES, "default")::resolveCredentials);
        assertEquals("cannot get credentials from the default credential chain (environment, profile `default`,"
                + " container and instance metadata): no provider in the chain had credentials; set AWS_PROFILE or"
                + " `--profile`, or run `aws configure` or `aws configure sso`", f.getMessage());
    }
}
