package io.iamscope.catalog;

/**
 * One resource type an action applies to.
 *
 * @param type     the resource type
 * @param required whether the reference marks it required (an asterisk in the AWS tables)
 */
public record ActionResource(ResourceType type, boolean required) {
}
