package io.iamscope.collect;

import java.net.URI;
import java.nio.file.Path;
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
 * @param partial        the folder where each finished account is kept until the snapshot is written
 *                       ({@link PartialCollection}), or null to keep nothing
 * @param resume         go on with the collection kept in {@code partial}: its finished accounts are not
 *                       collected again
 */
public record CollectOptions(String profile, String region, URI endpoint, boolean organization,
        String assumeRoleName, List<String> regions, int parallelism, Path partial, boolean resume) {

    public CollectOptions {
        region = region == null || region.isBlank() ? null : region.strip();
        regions = regions == null ? List.of() : List.copyOf(regions);
        parallelism = Math.max(1, parallelism);
        if (resume && partial == null) {
            throw new IllegalArgumentException("resume without a folder to resume from");
        }
    }

    /** Options that keep nothing between runs. */
    public CollectOptions(String profile, String region, URI endpoint, boolean organization, String assumeRoleName,
                          List<String> regions, int parallelism) {
        this(profile, region, endpoint, organization, assumeRoleName, regions, parallelism, null, false);
    }

    /** The same options in {@code other} region (the one the region chain found). */
    public CollectOptions withRegion(String other) {
        return new CollectOptions(profile, other, endpoint, organization, assumeRoleName, regions, parallelism, partial,
                resume);
    }
}
