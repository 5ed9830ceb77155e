package io.iamscope.collect;

import java.net.URI;
import java.util.List;

/**
 * What to collect, free of SDK and CLI types.
 *
 * @param profile        the named profile, or null for the default credential chain
 * @param region         the home region for global calls and region discovery
 * @param endpoint       one endpoint for every service (emulators, VPC endpoints, tests), or null
 * @param organization   whether to collect the AWS Organization
 * @param assumeRoleName with {@code organization}: the role to assume in each member account, or null
 * @param regions        the regions for resource policies; empty means every enabled region
 * @param parallelism    how many member accounts to collect at a time
 */
public record CollectOptions(String profile, String region, URI endpoint, boolean organization,
        String assumeRoleName, List<String> regions, int parallelism) {

    /** The default home region. */
    public static final String DEFAULT_REGION = "us-east-1";

    public CollectOptions {
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        regions = regions == null ? List.of() : List.copyOf(regions);
        parallelism = Math.max(1, parallelism);
    }
}
