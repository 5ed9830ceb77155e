package io.iamscope.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.iamscope.collect.AwsStubs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collect} logs in as the AWS CLI v2 would, from what a user already has: an SSO profile with a cached token,
 * a {@code credential_process}, AWS_REGION, a GovCloud profile, HTTPS_PROXY and NO_PROXY. Each run is a child JVM
 * whose HOME and environment the test makes (ChildCli); AWS is WireMock (AwsStubs), the SSO portal too.
 */
class LoginTest {
    @TempDir
    Path home;

    private AwsStubs aws;

    @BeforeEach
    void start() throws IOException {
        aws = new AwsStubs();
        Files.createDirectories(home.resolve(".aws"));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private void config(String text) throws IOException {
        Files.writeString(home.resolve(".aws/config"), text);
    }

    private ChildCli.Run collect(Map<String, String> env, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("collect", "--quiet", "--regions", "us-east-1",
                "--out", home.resolve("snapshot.json").toString()));
        args.addAll(List.of(extra));
        return ChildCli.run(home, env, args.toArray(String[]::new));
    }

    private LoggedRequest first(String service) {
        return aws.requests().stream().filter(r -> AwsStubs.scope(r).endsWith("/" + service)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + service + " request: " + aws.requests()));
    }

    private static String sha1(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anSsoProfileLogsInWithTheCachedTokenThroughThePortal() throws Exception {
        config("""
                [profile dev]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = Audit
                region = eu-west-1

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                """);
        // What `aws sso login` leaves: the token cached under the SHA-1 of the session's name.
        Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
        Files.writeString(cache.resolve(sha1("corp") + ".json"), """
                {"startUrl": "https://corp.awsapps.com/start", "region": "eu-west-1",
                 "accessToken": "sso-bearer-token", "expiresAt": "2099-01-01T00:00:00Z"}
                """);
        // The portal's GetRoleCredentials (SSO Portal API Reference): the bearer token in x-amz-sso_bearer_token.
        aws.stub(get(urlPathEqualTo("/federation/credentials"))
                        .withQueryParam("account_id", equalTo("111122223333"))
                        .withQueryParam("role_name", equalTo("Audit"))
                        .withHeader("x-amz-sso_bearer_token", equalTo("sso-bearer-token")),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"roleCredentials": {"accessKeyId": "ASIASSOROLE", "secretAccessKey": "sso-role-secret",
                         "sessionToken": "sso-role-session-token", "expiration": 4102444800000}}
                        """));

        ChildCli.Run r = collect(Map.of("AWS_ENDPOINT_URL_SSO", aws.endpoint().toString()),
                "--profile", "dev", "--endpoint-url", aws.endpoint().toString());

        assertEquals(0, r.exit(), r.all());
        LoggedRequest sts = first("sts");
        assertTrue(sts.getHeader("Authorization").contains("Credential=ASIASSOROLE/"), sts.getHeader("Authorization"));
        assertEquals("sso-role-session-token", sts.getHeader("X-Amz-Security-Token"));
        assertEquals("eu-west-1/sts", AwsStubs.scope(sts), "the profile's region");
        assertFalse(r.all().contains("sso-role-secret") || r.all().contains("sso-bearer-token"), r.all());
    }

    @Test
    void anSsoProfileWithoutALoginSaysToLogIn() throws Exception {
        config("""
                [profile dev]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = Audit
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                """);
        ChildCli.Run r = collect(Map.of(), "--profile", "dev", "--endpoint-url", aws.endpoint().toString());
        assertEquals(3, r.exit(), r.all());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("iamscope: NO_CREDENTIALS: cannot get credentials from SSO profile `dev`: "),
                r.err());
        assertTrue(r.err().contains("run `aws sso login --profile dev`"), r.err());
        assertTrue(aws.requests().isEmpty(), "nothing sent without credentials");
    }

    @Test
    void aFailingCredentialProcessIsExitThreeWithItsReason() throws Exception {
        config("""
                [profile tool]
                credential_process = sh -c "echo the vault is sealed >&2; exit 1"
                """);
        ChildCli.Run r = collect(Map.of(), "--profile", "tool", "--endpoint-url", aws.endpoint().toString());
        assertEquals(3, r.exit(), r.all());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("iamscope: NO_CREDENTIALS: cannot get credentials from `credential_process` of"
                + " profile `tool`: "), r.err());
        assertTrue(r.err().contains("the vault is sealed"), r.err());
        assertTrue(aws.requests().isEmpty(), "nothing sent without credentials");
    }

    @Test
    void aMissingProfileIsNamed() throws Exception {
        config("[profile other]\nregion = eu-west-1\n");
        ChildCli.Run r = collect(Map.of(), "--profile", "nosuch", "--endpoint-url", aws.endpoint().toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.err().startsWith("iamscope: NO_CREDENTIALS: cannot get credentials from profile `nosuch`; no such"
                + " profile"), r.err());
    }

    @Test
    void theRegionComesFromAwsRegionAndIamFromItsPartitionsHome() throws Exception {
        ChildCli.Run r = collect(Map.of("AWS_REGION", "eu-west-3", "AWS_ACCESS_KEY_ID", "AKIAENVKEY",
                "AWS_SECRET_ACCESS_KEY", "env-secret"), "--endpoint-url", aws.endpoint().toString());
        assertEquals(0, r.exit(), r.all());
        assertEquals("eu-west-3/sts", AwsStubs.scope(first("sts")));
        assertEquals("us-east-1/iam", AwsStubs.scope(first("iam")));
    }

    @Test
    void aGovCloudProfileStaysInItsPartition() throws Exception {
        config("""
                [profile gov]
                region = us-gov-east-1
                aws_access_key_id = AKIAGOVKEY
                aws_secret_access_key = gov-secret
                """);
        ChildCli.Run r = collect(Map.of(), "--profile", "gov", "--endpoint-url", aws.endpoint().toString());
        assertEquals(0, r.exit(), r.all());
        assertEquals("us-gov-east-1/sts", AwsStubs.scope(first("sts")));
        assertEquals("us-gov-west-1/iam", AwsStubs.scope(first("iam")), "IAM in GovCloud's home region");
    }

    @Test
    void httpsProxyCarriesTheCallsToAwsEndpointsOfTheRegion() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy()) {
            ChildCli.Run r = collect(Map.of("HTTPS_PROXY", proxy.url(), "AWS_REGION", "us-gov-west-1",
                    "AWS_ACCESS_KEY_ID", "AKIAENVKEY", "AWS_SECRET_ACCESS_KEY", "env-secret"));
            assertEquals(3, r.exit(), r.all());
            assertTrue(proxy.requestLines().contains("CONNECT sts.us-gov-west-1.amazonaws.com:443 HTTP/1.1"),
                    proxy.requestLines() + " " + r.all());
        }
    }

    @Test
    void noProxyHostsAreCalledDirectly() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy()) {
            Map<String, String> env = Map.of("HTTP_PROXY", proxy.url(), "AWS_ACCESS_KEY_ID", "AKIAENVKEY",
                    "AWS_SECRET_ACCESS_KEY", "env-secret");
            ChildCli.Run proxied = collect(env, "--endpoint-url", aws.endpoint().toString());
            assertEquals(3, proxied.exit(), proxied.all());
            assertTrue(proxy.requestLines().stream().anyMatch(l -> l.startsWith("POST " + aws.endpoint())),
                    proxy.requestLines().toString());
            assertTrue(aws.requests().isEmpty(), "through the proxy, which refused");

            int seen = proxy.requestLines().size();
            Map<String, String> direct = new java.util.HashMap<>(env);
            direct.put("NO_PROXY", "localhost");
            ChildCli.Run r = collect(direct, "--endpoint-url", aws.endpoint().toString());
            assertEquals(0, r.exit(), r.all());
            assertEquals(seen, proxy.requestLines().size(), "NO_PROXY's host is called directly");
        }
    }

    @Test
    void debugShowsTheAwsCallsAndNeverACredential() throws Exception {
        aws.stub(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Action=ListUsers")),
                aResponse().withStatus(400).withHeader("x-amzn-RequestId", "req-throttled")
                        .withBody("<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message>"
                                + "</Error><RequestId>req-throttled</RequestId></ErrorResponse>"));
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
        String token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";
        ChildCli.Run r = collect(Map.of("AWS_ACCESS_KEY_ID", "AKIADEBUGKEY", "AWS_SECRET_ACCESS_KEY", secret,
                "AWS_SESSION_TOKEN", token, "AWS_REGION", "eu-west-1"), "--debug", "--endpoint-url",
                aws.endpoint().toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.err().contains("Sts GetCallerIdentity in eu-west-1: HTTP 200"), r.err());
        assertTrue(r.err().contains("Iam GetAccountAuthorizationDetails in us-east-1: HTTP 200"), r.err());
        assertTrue(r.err().contains("Retryable error detected. Will retry in"), "the SDK's retries and waits");
        assertTrue(r.err().contains("failed with Throttling, request id req-throttled"), r.err());
        assertFalse(r.all().contains(secret), "never the secret key");
        assertFalse(r.all().contains(token), "never the session token");
        assertFalse(r.all().contains(secret.substring(0, 20)) || r.all().contains(token.substring(0, 20)));
    }

    @Test
    void withoutDebugNothingIsLogged() throws Exception {
        ChildCli.Run r = collect(Map.of("AWS_ACCESS_KEY_ID", "AKIAENVKEY", "AWS_SECRET_ACCESS_KEY", "env-secret"),
                "--endpoint-url", aws.endpoint().toString());
        assertEquals(0, r.exit(), r.all());
        assertEquals("", r.all());
    }
}
