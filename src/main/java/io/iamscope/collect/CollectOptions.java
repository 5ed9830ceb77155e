package io.iamscope.collect;

import java.net.URI;
import java.util.List;

/**
 * What to collect, free of SDK and CLI types.
 *
 * @param profile        the named profile, or null for the default credential chain
 * @param region         {@code --region}: the region of regional calls and region discovery, whose partition's
 *                       home region takes the global calls; null for the region chain ({@code AwsLogin})
 * @param endpoint       one endpoint for every service (emulators, VPC endpoints, tests), or null
 * @param organization   whether to collect the AWS Organization
 * @param assumeRoleName with {@code organization}: the role to assume in each member account, or null
 * @param regions        the regions for resource policies; empty means every enabled region
 * @param parallelism    how many member accounts to collect at a time
 */
public record CollectOptions(String profile, String region, URI endpoint, boolean organization,
        String assumeRoleName, List<String> regions, int parallelism) {

    public CollectOptions {
        region = region == null || region.isBlank() ? null : region.strip();
        regions = regions == null ? List.of() : List.copyOf(regions);
        parallelism = Math.max(1, parallelism);
    }

    /** The same options in {@code other} region (the one the region chain found). */
    public CollectOptions withRegion(String other) {
        return new CollectOptions(profile, other, endpoint, organization, assumeRoleName, regions, parallelism);
    }
}
