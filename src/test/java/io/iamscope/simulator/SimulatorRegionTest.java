package io.iamscope.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;

/** The simulator calls IAM in the home region of the user's partition, as {@code collect} does. */
class SimulatorRegionTest extends WireMockIamTest {

    @ParameterizedTest
    @CsvSource({"eu-west-1, us-east-1", "us-gov-east-1, us-gov-west-1", "cn-northwest-1, cn-north-1"})
    void iamIsSignedForThePartitionsHomeRegion(String region, String home) {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody(
                "<ListUsersResponse><ListUsersResult><IsTruncated>false</IsTruncated><Users/></ListUsersResult>"
                        + "</ListUsersResponse>")));
        SimulatorConnection c = new SimulatorConnection(server.baseUrl(), null, region,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAREGIONTEST", "region-secret")));
        try (IamClient iam = c.client()) {
            iam.listUsers();
        }
        String auth = server.getAllServeEvents().get(0).getRequest().getHeader("Authorization");
        assertTrue(auth.contains("/" + home + "/iam/aws4_request"), auth);
    }
}
