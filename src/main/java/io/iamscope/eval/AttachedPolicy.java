package io.iamscope.eval;

import io.iamscope.policy.PolicyDocument;
import java.util.Objects;

/**
 * A policy document with the name a user knows it by (policy ARN for managed policies, {@code user/alice
 * inline `s3-read`} for inline ones). Identity equality on purpose: the engine caches compiled policies per
 * instance, and a deep hash of a document on every request would cost more than evaluating it.
 */
public final class AttachedPolicy {
    private final String name;
    private final String arn;
    private final PolicyDocument document;

    public AttachedPolicy(String name, String arn, PolicyDocument document) {
        this.name = Objects.requireNonNull(name, "name");
        this.arn = arn;
        this.document = Objects.requireNonNull(document, "document");
    }

    public static AttachedPolicy of(String name, PolicyDocument document) {
        return new AttachedPolicy(name, null, document);
    }

    public String name() {
        return name;
    }

    /** The managed policy ARN, or null for inline and ad-hoc policies. */
    public String arn() {
        return arn;
    }

    public PolicyDocument document() {
        return document;
    }

    @Override
    public String toString() {
        return arn != null ? arn : name;
    }
}
