package io.iamscope.catalog;

import java.util.List;

/**
 * One AWS action, e.g. {@code s3:GetObject}.
 *
 * @param id            the interned id, an index into the catalog's actions and a bit of an {@link ActionSet}
 * @param service       the service prefix, lower case
 * @param name          the action name with AWS's spelling, e.g. {@code GetObject}
 * @param accessLevel   the access level
 * @param resources     the resource types the action applies to; empty when it applies only to {@code *}
 * @param conditionKeys the action's condition keys, with AWS's spelling
 * @param fullName      {@code service:Name}, the spelling policies use (made once: engines ask for it per request)
 */
public record Action(int id, String service, String name, AccessLevel accessLevel, List<ActionResource> resources,
                     List<String> conditionKeys, String fullName) {
    public Action {
        resources = List.copyOf(resources);
        conditionKeys = List.copyOf(conditionKeys);
        if (!fullName.equals(service + ":" + name)) {
            throw new IllegalArgumentException("full name " + fullName + " is not " + service + ":" + name);
        }
    }

    public Action(int id, String service, String name, AccessLevel accessLevel, List<ActionResource> resources,
                  List<String> conditionKeys) {
        this(id, service, name, accessLevel, resources, conditionKeys, service + ":" + name);
    }

    @Override
    public String toString() {
        return fullName;
    }
}
