package io.iamscope.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An AWS service: its prefix, its name and everything the reference lists for it. Its actions have consecutive
 * ids, in case-insensitive name order.
 *
 * @param prefix        the service prefix used in actions, e.g. {@code s3}
 * @param name          the service's name, e.g. {@code Amazon S3}
 * @param actions       its actions
 * @param resourceTypes its resource types
 * @param conditionKeys its service-specific condition keys (the reference also lists the {@code aws:} keys
 *                      its resources honour)
 */
public record Service(String prefix, String name, List<Action> actions, List<ResourceType> resourceTypes,
                      List<ConditionKey> conditionKeys) {
    public Service {
        actions = List.copyOf(actions);
        resourceTypes = List.copyOf(resourceTypes);
        conditionKeys = List.copyOf(conditionKeys);
    }

    /** The resource type named {@code name} (case-insensitive). */
    public Optional<ResourceType> resourceType(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return resourceTypes.stream().filter(r -> r.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
