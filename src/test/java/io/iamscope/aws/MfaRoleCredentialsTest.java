package io.iamscope.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/** A role profile with {@code mfa_serial} assumes its role with the device's serial and a code asked for. */
class MfaRoleCredentialsTest {
    private static final ProfileFile FILES = ProfileFile.builder().type(ProfileFile.Type.CONFIGURATION)
            .content(new ByteArrayInputStream("""
                    [profile admin]
                    role_arn = arn:aws:iam::111122223333:role/Admin
                    source_profile = keys
                    mfa_serial = arn:aws:iam::111122223333:mfa/me
                    role_session_name = me-admin
                    [profile plain-role]
                    role_arn = arn:aws:iam::111122223333:role/Admin
                    source_profile = keys
                    [profile keys]
                    aws_access_key_id = AKIASOURCEKEY
                    aws_secret_access_key = source-secret
                    """.getBytes(StandardCharsets.UTF_8))).build();

    private final WireMockServer sts = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        sts.start();
        sts.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing("SerialNumber=arn%3Aaws%3Aiam%3A%3A111122223333%3Amfa%2Fme"))
                .withRequestBody(containing("TokenCode=123456"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
                        <Credentials><AccessKeyId>ASIAMFAROLE</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey>
                        <SessionToken>role-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
                        <AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/Admin/me-admin</Arn>
                        <AssumedRoleId>AROAADMIN:me-admin</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>
                        </AssumeRoleResponse>""")));
    }

    @AfterEach
    void stop() {
        sts.stop();
    }

    private URI endpoint() {
        return URI.create("http://localhost:" + sts.port());
    }

    @Test
    void assumesTheRoleWithTheSerialAndTheCodeAskedFor() {
        List<String> asked = new ArrayList<>();
        AwsCredentialsProvider p = MfaRoleCredentials.of(FILES, "admin", Region.EU_WEST_1, endpoint(), serial -> {
            asked.add(serial);
            return "123456";
        }).orElseThrow();
        AwsCredentials c = p.resolveCredentials();
        assertEquals("ASIAMFAROLE", c.accessKeyId());
        assertEquals(List.of("arn:aws:iam::111122223333:mfa/me"), asked);
        String body = sts.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertTrue(body.contains("RoleSessionName=me-admin"), body);
        String auth = sts.getAllServeEvents().get(0).getRequest().getHeader("Authorization");
        assertTrue(auth.contains("Credential=AKIASOURCEKEY/") && auth.contains("/eu-west-1/sts/"), auth);
    }

    @Test
    void withoutATerminalTheFailureSaysTheRoleNeedsACode() {
        AwsCredentialsProvider p = MfaRoleCredentials.of(FILES, "admin", Region.EU_WEST_1).orElseThrow();
        CredentialsFailure f = assertThrows(CredentialsFailure.class,
                ExplainedCredentials.ofProfile(p, FILES, "admin")::resolveCredentials);
        assertTrue(f.getMessage().startsWith("cannot get credentials from role profile `admin`"), f.getMessage());
        assertTrue(f.getMessage().contains("the role needs an MFA code for `arn:aws:iam::111122223333:mfa/me` and"
                + " there is no terminal to ask for it"), f.getMessage());
        assertTrue(sts.getAllServeEvents().isEmpty(), "nothing sent without the code");
    }

    @Test
    void aRoleWithoutMfaIsTheSdks() {
        assertTrue(MfaRoleCredentials.of(FILES, "plain-role", Region.EU_WEST_1).isEmpty());
        assertTrue(MfaRoleCredentials.of(FILES, "keys", Region.EU_WEST_1).isEmpty());
        assertTrue(MfaRoleCredentials.of(FILES, "nosuch", Region.EU_WEST_1).isEmpty());
    }
}
