package io.iamscope.model;

/** A root or organizational unit of an organization; {@code parentId} is null for a root. */
public record OrgNode(String id, String name, String parentId) {
}
