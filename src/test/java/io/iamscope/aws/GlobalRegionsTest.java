package io.iamscope.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;

/** Global services are called in their partition's home region, whatever region the user is in. */
class GlobalRegionsTest {

    @ParameterizedTest
    @CsvSource({
        "iam, us-east-1, us-east-1",
        "iam, eu-west-1, us-east-1",
        "iam, us-gov-east-1, us-gov-west-1",
        "iam, us-gov-west-1, us-gov-west-1",
        "iam, cn-northwest-1, cn-north-1",
        "organizations, ap-southeast-2, us-east-1",
        "organizations, us-gov-east-1, us-gov-west-1",
        "organizations, cn-north-1, cn-northwest-1",
    })
    void aGlobalServiceIsCalledInItsPartitionsHomeRegion(String service, String region, String home) {
        assertEquals(Region.of(home), GlobalRegions.home(service, Region.of(region)));
    }

    @ParameterizedTest
    @CsvSource({"aws, us-east-1", "aws-us-gov, us-gov-west-1", "aws-cn, cn-northwest-1"})
    void organizationsByTheCallersPartition(String partition, String home) {
        assertEquals(Region.of(home), GlobalRegions.home("organizations", partition, Region.EU_WEST_1));
    }

    @org.junit.jupiter.api.Test
    void aRegionalServiceStaysWhereItIs() {
        assertEquals(Region.EU_WEST_1, GlobalRegions.home("sts", "aws", Region.EU_WEST_1));
    }
}
