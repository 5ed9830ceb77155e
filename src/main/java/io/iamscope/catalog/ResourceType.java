package io.iamscope.catalog;

import java.util.List;

/**
 * A resource type of a service, with the ARN format the reference documents for it, e.g. {@code object} of
 * {@code s3} with {@code arn:${Partition}:s3:::${BucketName}/${ObjectName}}.
 *
 * @param service       the service prefix
 * @param name          the resource type's name
 * @param arnFormat     the documented ARN format
 * @param conditionKeys condition keys that apply to this resource type
 * @param pattern       the compiled ARN format
 */
public record ResourceType(String service, String name, String arnFormat, List<String> conditionKeys,
                           ArnFormat pattern) {
    public ResourceType {
        conditionKeys = List.copyOf(conditionKeys);
    }

    /** Whether the concrete {@code arn} is of this resource type, judged by its ARN format alone. */
    public boolean matches(String arn) {
        return pattern.matches(arn);
    }

    /** The same for an ARN split beforehand ({@link ArnFormat#parse}). */
    public boolean matches(ArnFormat.Split arn) {
        return pattern.matches(arn);
    }
}
