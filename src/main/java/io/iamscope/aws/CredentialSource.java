package io.iamscope.aws;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Which of the AWS CLI's credential sources a profile names, in the words a failure is reported in, with how the
 * user fixes each (AWS CLI User Guide, "Configuration and credential file settings": the precedence of
 * {@code role_arn}, {@code web_identity_token_file}, {@code sso_*}, {@code credential_process} and static keys
 * within one profile is the SDK's, {@code ProfileCredentialsUtils}).
 *
 * @param what how the source is named: {@code SSO profile `dev`}
 * @param fix     what the user does about a failure
 * @param missing whether the source is a profile that is in neither file
 */
record CredentialSource(String what, String fix, boolean missing) {

    CredentialSource(String what, String fix) {
        this(what, fix, false);
    }

    /** The source profile {@code name} of {@code files} names; a profile that is not there says so. */
    static CredentialSource ofProfile(ProfileFile files, String name) {
        Optional<Profile> profile = files.profile(name);
        if (profile.isEmpty()) {
            return new CredentialSource("profile `" + name + "`", "no such profile in the AWS config or"
                    + " credentials file (`aws configure list-profiles` lists them; AWS_CONFIG_FILE and"
                    + " AWS_SHARED_CREDENTIALS_FILE move them)", true);
        }
        Map<String, String> p = profile.get().properties();
        String quoted = "`" + name + "`";
        if (p.containsKey(ProfileProperty.ROLE_ARN) && p.containsKey(ProfileProperty.WEB_IDENTITY_TOKEN_FILE)) {
            return new CredentialSource("web identity profile " + quoted, "check that `web_identity_token_file`"
                    + " holds a current token and that `role_arn` trusts its issuer");
        }
        if (p.containsKey(ProfileProperty.ROLE_ARN)) {
            String mfa = p.containsKey(ProfileProperty.MFA_SERIAL) ? "; the role needs an MFA code for its"
                    + " `mfa_serial`, asked for on the terminal: run iamscope on one, or use credentials that"
                    + " already passed MFA (an SSO profile, `aws sts get-session-token`)" : "";
            return new CredentialSource("role profile " + quoted + " (`role_arn` " + p.get(ProfileProperty.ROLE_ARN)
                    + ")", "check its `source_profile` or `credential_source` and that the role trusts it" + mfa);
        }
        if (p.containsKey("sso_session") || p.containsKey(ProfileProperty.SSO_START_URL)) {
            return new CredentialSource("SSO profile " + quoted, "run `aws sso login --profile " + name + "`");
        }
        if (p.containsKey(ProfileProperty.CREDENTIAL_PROCESS)) {
            return new CredentialSource("`credential_process` of profile " + quoted, "run the profile's"
                    + " `credential_process` command yourself to see why it fails");
        }
        if (p.containsKey(ProfileProperty.AWS_ACCESS_KEY_ID)) {
            return new CredentialSource("access keys of profile " + quoted, "check `aws_access_key_id` and"
                    + " `aws_secret_access_key` (`aws configure --profile " + name + "`)");
        }
        return new CredentialSource("profile " + quoted, "it names no credentials: `aws configure --profile " + name
                + "` or `aws configure sso --profile " + name + "`");
    }

    /**
     * The source the SDK's default chain failed on: the chain reads the environment, web identity, the active
     * profile, then container and instance metadata ({@code DefaultCredentialsProvider}); when the active profile
     * exists it is what the user meant, else nothing was configured at all.
     */
    static CredentialSource ofDefaultChain(ProfileFile files, String activeProfile) {
        if (files.profile(activeProfile).isPresent()) {
            return ofProfile(files, activeProfile);
        }
        return new CredentialSource("the default credential chain (environment, profile `" + activeProfile
                + "`, container and instance metadata)", "set AWS_PROFILE or `--profile`, or run `aws configure`"
                + " or `aws configure sso`");
    }

    /** A sharper fix where the SDK's reason tells more than the profile: an SSO token that is gone or expired. */
    String fixFor(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        if (what.startsWith("SSO profile") && (r.contains("expired") || r.contains("token"))) {
            return fix + " (the cached SSO token is missing or expired)";
        }
        return fix;
    }
}
