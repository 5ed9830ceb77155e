package io.iamscope.catalog;

/**
 * A condition key as the Service Authorization Reference lists it. Templated keys keep their placeholder, e.g.
 * {@code aws:RequestTag/${TagKey}} or {@code s3:ExistingObjectTag/<key>}.
 *
 * @param name the key with AWS's spelling
 * @param type AWS's type name: {@code String}, {@code ArrayOfString}, {@code ARN}, {@code Bool}, {@code Numeric},
 *             {@code Date}, {@code IPAddress}, ... ({@code null} where the reference gives none)
 */
public record ConditionKey(String name, String type) {
    /** Whether the key has a placeholder that stands for a user-chosen part (a tag key, a name, ...). */
    public boolean isTemplate() {
        return name.contains("${") || name.contains("<");
    }
}
