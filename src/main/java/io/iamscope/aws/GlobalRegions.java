package io.iamscope.aws;

import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.regions.ServicePartitionMetadata;

/**
 * Where a global service (IAM, Organizations) is called from a region: the region its partition's global
 * endpoint signs for, read from the SDK's endpoint metadata, not a table of ours: us-east-1 in {@code aws},
 * us-gov-west-1 in {@code aws-us-gov}, cn-north-1 for IAM and cn-northwest-1 for Organizations in {@code aws-cn}
 * (IAM User Guide, "AWS Identity and Access Management endpoints and quotas"; Organizations User Guide,
 * "Region support").
 */
public final class GlobalRegions {
    private GlobalRegions() {
    }

    /** The region {@code service} (its endpoint prefix: {@code iam}) is called in for {@code region}'s partition. */
    public static Region home(String service, Region region) {
        return home(service, PartitionMetadata.of(region).id(), region);
    }

    /**
     * The region {@code service} is called in for the partition {@code partition} ({@code aws-us-gov});
     * {@code otherwise} when the service has no global endpoint there.
     */
    public static Region home(String service, String partition, Region otherwise) {
        ServiceMetadata metadata = ServiceMetadata.of(service);
        for (ServicePartitionMetadata p : metadata.servicePartitions()) {
            if (p.partition().id().equals(partition) && p.globalRegion().isPresent()) {
                return metadata.signingRegion(p.globalRegion().get());
            }
        }
        return otherwise;
    }
}
