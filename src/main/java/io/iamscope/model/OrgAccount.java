package io.iamscope.model;

/** A member account of an organization, linked to its parent root or OU. */
public record OrgAccount(String id, String name, String email, String status, String parentId) {
}
