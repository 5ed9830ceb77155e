package io.iamscope.model;

import io.iamscope.policy.PolicyDocument;
import java.util.Objects;

/** An inline policy embedded in a user, group or role ({@code UserPolicyList}, {@code RolePolicyList}, ...). */
public record InlinePolicy(String name, PolicyDocument document) {
    public InlinePolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
